<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="da" sourcelanguage="en">
<context>
    <name>SignInPage</name>
    <message>
        <location filename="../../privadmin/views/signin.py" line="236"/>
        <source>Sign in to privadmin</source>
        <translation>Log ind i privadmin</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/signin.py" line="238"/>
        <source>Environment: {environment}</source>
        <translation>Miljø: {environment}</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/signin.py" line="242"/>
        <source>You sign in with MitID Erhverv in your own web browser. When you are done there, privadmin continues by itself.</source>
        <translation>Du logger ind med MitID Erhverv i din egen webbrowser. Når du er færdig der, fortsætter privadmin af sig selv.</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/signin.py" line="246"/>
        <source>&amp;Sign in</source>
        <translation>&amp;Log ind</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/signin.py" line="247"/>
        <source>&amp;Cancel</source>
        <translation>&amp;Annuller</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/signin.py" line="248"/>
        <source>Sign-in &amp;address:</source>
        <translation>&amp;Login-adresse:</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/signin.py" line="249"/>
        <source>C&amp;opy</source>
        <translation>K&amp;opiér</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/signin.py" line="252"/>
        <source>If no browser window opened, copy this address and open it in your web browser.</source>
        <translation>Hvis der ikke blev åbnet et browservindue, så kopiér denne adresse, og åbn den i din webbrowser.</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/signin.py" line="255"/>
        <source>Signing in</source>
        <translation>Logger ind</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/signin.py" line="263"/>
        <source>Production</source>
        <translation>Produktion</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/signin.py" line="264"/>
        <source>Pre-production</source>
        <translation>Præproduktion</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/signin.py" line="265"/>
        <source>Demo (local test data)</source>
        <translation>Demo (lokale testdata)</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/signin.py" line="266"/>
        <source>Custom</source>
        <translation>Tilpasset</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/signin.py" line="274"/>
        <source>Preparing the sign-in...</source>
        <translation>Forbereder login ...</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/signin.py" line="276"/>
        <source>Continue in your web browser. Waiting for the sign-in to finish...</source>
        <translation>Fortsæt i din webbrowser. Venter på, at login bliver afsluttet ...</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/signin.py" line="279"/>
        <source>No web browser could be opened. Copy the address below and open it in a browser.</source>
        <translation>Der kunne ikke åbnes en webbrowser. Kopiér adressen nedenfor, og åbn den i en browser.</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/signin.py" line="281"/>
        <source>The address was copied. Open it in your web browser.</source>
        <translation>Adressen er kopieret. Åbn den i din webbrowser.</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/signin.py" line="282"/>
        <location filename="../../privadmin/views/signin.py" line="328"/>
        <source>The sign-in was cancelled.</source>
        <translation>Login blev annulleret.</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/signin.py" line="283"/>
        <source>You are signed in.</source>
        <translation>Du er logget ind.</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/signin.py" line="292"/>
        <source>The sign-in service is configured with an address that is not secure. Ask your IT department to check the environment settings.</source>
        <translation>Login-tjenesten er sat op med en adresse, der ikke er sikker. Bed din it-afdeling om at kontrollere indstillingerne for miljøet.</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/signin.py" line="296"/>
        <source>The sign-in service is not working as expected. Try again later.</source>
        <translation>Login-tjenesten virker ikke som forventet. Prøv igen senere.</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/signin.py" line="299"/>
        <source>The sign-in service could not be reached. Check the network connection and try again.</source>
        <translation>Login-tjenesten kunne ikke nås. Kontrollér netværksforbindelsen, og prøv igen.</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/signin.py" line="303"/>
        <source>The app could not prepare to receive the sign-in. Restart the app and try again.</source>
        <translation>Programmet kunne ikke gøre klar til at modtage login. Genstart programmet, og prøv igen.</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/signin.py" line="305"/>
        <source>The sign-in service reported an error.</source>
        <translation>Login-tjenesten meldte en fejl.</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/signin.py" line="307"/>
        <source>The sign-in was cancelled or refused at the sign-in service.</source>
        <translation>Login blev annulleret eller afvist hos login-tjenesten.</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/signin.py" line="310"/>
        <source>The answer from the browser does not belong to this sign-in, so it was rejected. Start the sign-in again.</source>
        <translation>Svaret fra browseren hører ikke til dette login og blev derfor afvist. Start login forfra.</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/signin.py" line="314"/>
        <source>The answer from the browser did not come from the expected sign-in service, so it was rejected.</source>
        <translation>Svaret fra browseren kom ikke fra den forventede login-tjeneste og blev derfor afvist.</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/signin.py" line="318"/>
        <source>The sign-in service sent an incomplete answer. Start the sign-in again.</source>
        <translation>Login-tjenesten sendte et ufuldstændigt svar. Start login forfra.</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/signin.py" line="321"/>
        <source>The sign-in service did not complete the sign-in. Try again.</source>
        <translation>Login-tjenesten gennemførte ikke login. Prøv igen.</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/signin.py" line="324"/>
        <source>The answer from the sign-in service could not be verified, so you were not signed in. Try again, and contact your IT department if it keeps happening.</source>
        <translation>Svaret fra login-tjenesten kunne ikke bekræftes, så du blev ikke logget ind. Prøv igen, og kontakt din it-afdeling, hvis det sker igen.</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/signin.py" line="327"/>
        <source>The sign-in took too long and was stopped. Start it again.</source>
        <translation>Login tog for lang tid og blev stoppet. Start forfra.</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/signin.py" line="330"/>
        <source>Another privadmin window is busy renewing the session. Try again in a moment.</source>
        <translation>Et andet privadmin-vindue er i gang med at forny sessionen. Prøv igen om et øjeblik.</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/signin.py" line="335"/>
        <source>The sign-in service said: {description}</source>
        <translation>Login-tjenesten svarede: {description}</translation>
    </message>
</context>
</TS>
