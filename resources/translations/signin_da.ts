<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="da" sourcelanguage="en">
<context>
    <name>SignInPage</name>
    <message>
        <location filename="../../privadmin/views/signin.py" line="225"/>
        <source>Sign in to privadmin</source>
        <translation>Log ind i privadmin</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/signin.py" line="227"/>
        <source>Environment: {environment}</source>
        <translation>Miljø: {environment}</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/signin.py" line="231"/>
        <source>You sign in with MitID Erhverv in your own web browser. When you are done there, privadmin continues by itself.</source>
        <translation>Du logger ind med MitID Erhverv i din egen webbrowser. Når du er færdig der, fortsætter privadmin af sig selv.</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/signin.py" line="235"/>
        <source>&amp;Sign in</source>
        <translation>&amp;Log ind</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/signin.py" line="236"/>
        <source>&amp;Cancel</source>
        <translation>&amp;Annuller</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/signin.py" line="237"/>
        <source>Sign-in &amp;address:</source>
        <translation>&amp;Adresse til log ind:</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/signin.py" line="238"/>
        <source>C&amp;opy</source>
        <translation>K&amp;opiér</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/signin.py" line="241"/>
        <source>If no browser window opened, copy this address and open it in your web browser.</source>
        <translation>Hvis der ikke åbnede et browservindue, så kopiér denne adresse og åbn den i din webbrowser.</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/signin.py" line="244"/>
        <source>Signing in</source>
        <translation>Logger ind</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/signin.py" line="252"/>
        <source>Production</source>
        <translation>Produktion</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/signin.py" line="253"/>
        <source>Pre-production</source>
        <translation>Præproduktion</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/signin.py" line="254"/>
        <source>Demo (local test data)</source>
        <translation>Demo (lokale testdata)</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/signin.py" line="255"/>
        <source>Custom</source>
        <translation>Tilpasset</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/signin.py" line="263"/>
        <source>Preparing the sign-in...</source>
        <translation>Forbereder log ind ...</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/signin.py" line="265"/>
        <source>Continue in your web browser. Waiting for the sign-in to finish...</source>
        <translation>Fortsæt i din webbrowser. Venter på at log ind bliver afsluttet ...</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/signin.py" line="268"/>
        <source>No web browser could be opened. Copy the address below and open it in a browser.</source>
        <translation>Der kunne ikke åbnes en webbrowser. Kopiér adressen nedenfor og åbn den i en browser.</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/signin.py" line="270"/>
        <source>The address was copied. Open it in your web browser.</source>
        <translation>Adressen er kopieret. Åbn den i din webbrowser.</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/signin.py" line="271"/>
        <location filename="../../privadmin/views/signin.py" line="317"/>
        <source>The sign-in was cancelled.</source>
        <translation>Log ind blev annulleret.</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/signin.py" line="272"/>
        <source>You are signed in.</source>
        <translation>Du er logget ind.</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/signin.py" line="281"/>
        <source>The sign-in service is configured with an address that is not secure. Ask your IT department to check the environment settings.</source>
        <translation>Log ind-tjenesten er sat op med en adresse, der ikke er sikker. Bed din it-afdeling om at kontrollere indstillingerne for miljøet.</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/signin.py" line="285"/>
        <source>The sign-in service is not working as expected. Try again later.</source>
        <translation>Log ind-tjenesten virker ikke som forventet. Prøv igen senere.</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/signin.py" line="288"/>
        <source>The sign-in service could not be reached. Check the network connection and try again.</source>
        <translation>Log ind-tjenesten kunne ikke nås. Kontrollér netværksforbindelsen, og prøv igen.</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/signin.py" line="292"/>
        <source>The app could not prepare to receive the sign-in. Restart the app and try again.</source>
        <translation>Programmet kunne ikke gøre klar til at modtage log ind. Genstart programmet, og prøv igen.</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/signin.py" line="294"/>
        <source>The sign-in service reported an error.</source>
        <translation>Log ind-tjenesten meldte en fejl.</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/signin.py" line="296"/>
        <source>The sign-in was cancelled or refused at the sign-in service.</source>
        <translation>Log ind blev annulleret eller afvist hos log ind-tjenesten.</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/signin.py" line="299"/>
        <source>The answer from the browser does not belong to this sign-in, so it was rejected. Start the sign-in again.</source>
        <translation>Svaret fra browseren hører ikke til dette log ind og blev derfor afvist. Start log ind forfra.</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/signin.py" line="303"/>
        <source>The answer from the browser did not come from the expected sign-in service, so it was rejected.</source>
        <translation>Svaret fra browseren kom ikke fra den forventede log ind-tjeneste og blev derfor afvist.</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/signin.py" line="307"/>
        <source>The sign-in service sent an incomplete answer. Start the sign-in again.</source>
        <translation>Log ind-tjenesten sendte et ufuldstændigt svar. Start log ind forfra.</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/signin.py" line="310"/>
        <source>The sign-in service did not complete the sign-in. Try again.</source>
        <translation>Log ind-tjenesten gennemførte ikke log ind. Prøv igen.</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/signin.py" line="313"/>
        <source>The answer from the sign-in service could not be verified, so you were not signed in. Try again, and contact your IT department if it keeps happening.</source>
        <translation>Svaret fra log ind-tjenesten kunne ikke verificeres, så du blev ikke logget ind. Prøv igen, og kontakt din it-afdeling, hvis det bliver ved med at ske.</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/signin.py" line="316"/>
        <source>The sign-in took too long and was stopped. Start it again.</source>
        <translation>Log ind tog for lang tid og blev stoppet. Start det forfra.</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/signin.py" line="319"/>
        <source>Another privadmin window is busy renewing the session. Try again in a moment.</source>
        <translation>Et andet privadmin-vindue er i gang med at forny sessionen. Prøv igen om et øjeblik.</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/signin.py" line="324"/>
        <source>The sign-in service said: {description}</source>
        <translation>Log ind-tjenesten skrev: {description}</translation>
    </message>
</context>
</TS>
