<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="da">
<context>
    <name>App</name>
    <message>
        <location filename="../../privadmin/app.py" line="142"/>
        <source>The demo is not part of this build. Use the demo build, or install privadmin with the server extra.</source>
        <translation>Demoen er ikke med i denne udgave. Brug demoudgaven, eller installér privadmin med server-tilvalget.</translation>
    </message>
    <message>
        <location filename="../../privadmin/app.py" line="47"/>
        <source>No credential store (keyring) is available on this computer: privadmin cannot remember your sign-in, so you sign in each time it starts.</source>
        <translation>Der er ingen nøglering (credential store) på denne computer, så privadmin kan ikke huske dit login, og du skal logge ind, hver gang programmet starter.</translation>
    </message>
    <message>
        <location filename="../../privadmin/app.py" line="67"/>
        <source>This computer has no credential store, so you will have to sign in again next time.</source>
        <translation>Denne computer har ikke noget lager til loginoplysninger, så du skal logge ind igen næste gang.</translation>
    </message>
    <message>
        <location filename="../../privadmin/app.py" line="71"/>
        <source>Your sign-in could not be saved in the computer&apos;s credential store, so you will have to sign in again next time.</source>
        <translation>Dit login kunne ikke gemmes i computerens lager til loginoplysninger, så du skal logge ind igen næste gang.</translation>
    </message>
    <message>
        <location filename="../../privadmin/app.py" line="76"/>
        <source>The sign-in service did not allow staying signed in, so you will have to sign in again next time.</source>
        <translation>Logintjenesten tillod ikke at forblive logget ind, så du skal logge ind igen næste gang.</translation>
    </message>
    <message>
        <location filename="../../privadmin/app.py" line="190"/>
        <source>This environment cannot be used yet: the setting {keys} is missing. Client ids are issued by Signaturgruppen to each organization, so your IT department sets them in {path} (see the deployment guide).</source>
        <translation>Dette miljø kan ikke bruges endnu, fordi indstillingen {keys} mangler. Signaturgruppen udsteder klient-id&apos;er til hver organisation, så din it-afdeling angiver dem i {path} (se vejledningen til udrulning).</translation>
    </message>
    <message>
        <location filename="../../privadmin/app.py" line="209"/>
        <source>Preparing the demo data. The first start takes a minute...</source>
        <translation>Forbereder demodata. Første start tager et minuts tid...</translation>
    </message>
    <message>
        <location filename="../../privadmin/app.py" line="212"/>
        <source>Starting the demo server...</source>
        <translation>Starter demoserveren...</translation>
    </message>
    <message>
        <location filename="../../privadmin/app.py" line="228"/>
        <source>The demo is not part of this build.
Use the demo build of privadmin, or from a source checkout run:
pip install -e &apos;.[server]&apos; and then privadmin --demo</source>
        <translation>Demoen er ikke med i denne udgave.
Brug demoudgaven af privadmin, eller kør fra en kildekodekopi:
pip install -e &apos;.[server]&apos; og derefter privadmin --demo</translation>
    </message>
    <message>
        <location filename="../../privadmin/app.py" line="240"/>
        <source>The demo could not start: {error}</source>
        <translation>Demoen kunne ikke starte: {error}</translation>
    </message>
    <message>
        <location filename="../../privadmin/app.py" line="258"/>
        <source>Signing in...</source>
        <translation>Logger ind...</translation>
    </message>
    <message>
        <location filename="../../privadmin/app.py" line="300"/>
        <source>Signing in needs the API client secret of your organization. Choose the environment again to enter it.</source>
        <translation>Login kræver din organisations API-klienthemmelighed. Vælg miljøet igen for at indtaste den.</translation>
    </message>
    <message>
        <location filename="../../privadmin/app.py" line="389"/>
        <source>Signing out...</source>
        <translation>Logger ud...</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../privadmin/crash.py" line="121"/>
        <source>privadmin hit an unexpected error and may not work as expected.</source>
        <translation>privadmin stødte på en uventet fejl og virker måske ikke som forventet.</translation>
    </message>
    <message>
        <location filename="../../privadmin/crash.py" line="123"/>
        <source>A report was saved in {path}. Send it to your IT department or support.</source>
        <translation>En rapport er gemt i {path}. Send den til din it-afdeling eller til support.</translation>
    </message>
    <message>
        <location filename="../../privadmin/crash.py" line="126"/>
        <source>The report could not be saved; see the log.</source>
        <translation>Rapporten kunne ikke gemmes. Se loggen.</translation>
    </message>
    <message>
        <location filename="../../privadmin/crash.py" line="127"/>
        <source>Unexpected error</source>
        <translation>Uventet fejl</translation>
    </message>
</context>
<context>
    <name>Diagnostics</name>
    <message>
        <location filename="../../privadmin/diagnostics.py" line="119"/>
        <source>Copy diagnostics</source>
        <translation>Kopiér diagnoseoplysninger</translation>
    </message>
    <message>
        <location filename="../../privadmin/diagnostics.py" line="120"/>
        <source>Copy versions, settings and recent log lines (without tokens) for support</source>
        <translation>Kopiér versioner, indstillinger og de seneste loglinjer (uden tokens) til support</translation>
    </message>
</context>
<context>
    <name>SecretDialog</name>
    <message>
        <location filename="../../privadmin/views/start.py" line="265"/>
        <source>API client secret</source>
        <translation>API-klienthemmelighed</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/start.py" line="267"/>
        <source>This environment calls the Privileges API with your organization&apos;s API client {client_id}. Enter its secret.</source>
        <translation>Dette miljø bruger rettigheds-API&apos;et med din organisations API-klient {client_id}. Indtast klientens hemmelighed.</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/start.py" line="272"/>
        <source>The secret is kept in this computer&apos;s credential store, so you are asked only once.</source>
        <translation>Hemmeligheden gemmes i computerens nøglering, så du bliver kun spurgt én gang.</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/start.py" line="275"/>
        <source>No credential store (keyring) is available on this computer, so the secret is kept only until privadmin closes and you will be asked again next time.</source>
        <translation>Der er ingen nøglering (credential store) på denne computer, så hemmeligheden huskes kun, til privadmin lukkes, og du bliver spurgt igen næste gang.</translation>
    </message>
</context>
<context>
    <name>StartWindow</name>
    <message>
        <location filename="../../privadmin/app.py" line="600"/>
        <location filename="../../privadmin/views/start.py" line="242"/>
        <source>Production</source>
        <translation>Produktion</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/start.py" line="238"/>
        <source>privadmin: sign in</source>
        <translation>privadmin: log ind</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/start.py" line="239"/>
        <source>&amp;Environment:</source>
        <translation>&amp;Miljø:</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/start.py" line="240"/>
        <source>&amp;Language:</source>
        <translation>&amp;Sprog:</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/start.py" line="243"/>
        <source>Pre-production</source>
        <translation>Præproduktion</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/start.py" line="244"/>
        <source>Demo (local test data)</source>
        <translation>Demo (lokale testdata)</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/start.py" line="245"/>
        <source>Custom</source>
        <translation>Tilpasset</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/start.py" line="249"/>
        <source>Set by your IT department</source>
        <translation>Angivet af din it-afdeling</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/start.py" line="254"/>
        <source>Notes about the settings and this computer:</source>
        <translation>Bemærkninger om indstillingerne og denne computer:</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/start.py" line="255"/>
        <source>Hide</source>
        <translation>Skjul</translation>
    </message>
</context>
</TS>
