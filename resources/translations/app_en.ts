<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>App</name>
    <message>
        <location filename="../../privadmin/app.py" line="142"/>
        <source>The demo is not part of this build. Use the demo build, or install privadmin with the server extra.</source>
        <translation>The demo is not part of this build. Use the demo build, or install privadmin with the server extra.</translation>
    </message>
    <message>
        <location filename="../../privadmin/app.py" line="47"/>
        <source>No credential store (keyring) is available on this computer: privadmin cannot remember your sign-in, so you sign in each time it starts.</source>
        <translation>No credential store (keyring) is available on this computer: privadmin cannot remember your sign-in, so you sign in each time it starts.</translation>
    </message>
    <message>
        <location filename="../../privadmin/app.py" line="67"/>
        <source>This computer has no credential store, so you will have to sign in again next time.</source>
        <translation>This computer has no credential store, so you will have to sign in again next time.</translation>
    </message>
    <message>
        <location filename="../../privadmin/app.py" line="71"/>
        <source>Your sign-in could not be saved in the computer&apos;s credential store, so you will have to sign in again next time.</source>
        <translation>Your sign-in could not be saved in the computer&apos;s credential store, so you will have to sign in again next time.</translation>
    </message>
    <message>
        <location filename="../../privadmin/app.py" line="76"/>
        <source>The sign-in service did not allow staying signed in, so you will have to sign in again next time.</source>
        <translation>The sign-in service did not allow staying signed in, so you will have to sign in again next time.</translation>
    </message>
    <message>
        <location filename="../../privadmin/app.py" line="190"/>
        <source>This environment cannot be used yet: the setting {keys} is missing. Client ids are issued by Signaturgruppen to each organization, so your IT department sets them in {path} (see the deployment guide).</source>
        <translation>This environment cannot be used yet: the setting {keys} is missing. Client ids are issued by Signaturgruppen to each organization, so your IT department sets them in {path} (see the deployment guide).</translation>
    </message>
    <message>
        <location filename="../../privadmin/app.py" line="209"/>
        <source>Preparing the demo data. The first start takes a minute...</source>
        <translation>Preparing the demo data. The first start takes a minute...</translation>
    </message>
    <message>
        <location filename="../../privadmin/app.py" line="212"/>
        <source>Starting the demo server...</source>
        <translation>Starting the demo server...</translation>
    </message>
    <message>
        <location filename="../../privadmin/app.py" line="228"/>
        <source>The demo is not part of this build.
Use the demo build of privadmin, or from a source checkout run:
pip install -e &apos;.[server]&apos; and then privadmin --demo</source>
        <translation>The demo is not part of this build.
Use the demo build of privadmin, or from a source checkout run:
pip install -e &apos;.[server]&apos; and then privadmin --demo</translation>
    </message>
    <message>
        <location filename="../../privadmin/app.py" line="240"/>
        <source>The demo could not start: {error}</source>
        <translation>The demo could not start: {error}</translation>
    </message>
    <message>
        <location filename="../../privadmin/app.py" line="258"/>
        <source>Signing in...</source>
        <translation>Signing in...</translation>
    </message>
    <message>
        <location filename="../../privadmin/app.py" line="300"/>
        <source>Signing in needs the API client secret of your organization. Choose the environment again to enter it.</source>
        <translation>Signing in needs the API client secret of your organization. Choose the environment again to enter it.</translation>
    </message>
    <message>
        <location filename="../../privadmin/app.py" line="389"/>
        <source>Signing out...</source>
        <translation>Signing out...</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../privadmin/crash.py" line="121"/>
        <source>privadmin hit an unexpected error and may not work as expected.</source>
        <translation>privadmin hit an unexpected error and may not work as expected.</translation>
    </message>
    <message>
        <location filename="../../privadmin/crash.py" line="123"/>
        <source>A report was saved in {path}. Send it to your IT department or support.</source>
        <translation>A report was saved in {path}. Send it to your IT department or support.</translation>
    </message>
    <message>
        <location filename="../../privadmin/crash.py" line="126"/>
        <source>The report could not be saved; see the log.</source>
        <translation>The report could not be saved; see the log.</translation>
    </message>
    <message>
        <location filename="../../privadmin/crash.py" line="127"/>
        <source>Unexpected error</source>
        <translation>Unexpected error</translation>
    </message>
</context>
<context>
    <name>Diagnostics</name>
    <message>
        <location filename="../../privadmin/diagnostics.py" line="119"/>
        <source>Copy diagnostics</source>
        <translation>Copy diagnostics</translation>
    </message>
    <message>
        <location filename="../../privadmin/diagnostics.py" line="120"/>
        <source>Copy versions, settings and recent log lines (without tokens) for support</source>
        <translation>Copy versions, settings and recent log lines (without tokens) for support</translation>
    </message>
</context>
<context>
    <name>SecretDialog</name>
    <message>
        <location filename="../../privadmin/views/start.py" line="265"/>
        <source>API client secret</source>
        <translation>API client secret</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/start.py" line="267"/>
        <source>This environment calls the Privileges API with your organization&apos;s API client {client_id}. Enter its secret.</source>
        <translation>This environment calls the Privileges API with your organization&apos;s API client {client_id}. Enter its secret.</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/start.py" line="272"/>
        <source>The secret is kept in this computer&apos;s credential store, so you are asked only once.</source>
        <translation>The secret is kept in this computer&apos;s credential store, so you are asked only once.</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/start.py" line="275"/>
        <source>No credential store (keyring) is available on this computer, so the secret is kept only until privadmin closes and you will be asked again next time.</source>
        <translation>No credential store (keyring) is available on this computer, so the secret is kept only until privadmin closes and you will be asked again next time.</translation>
    </message>
</context>
<context>
    <name>StartWindow</name>
    <message>
        <location filename="../../privadmin/app.py" line="600"/>
        <location filename="../../privadmin/views/start.py" line="242"/>
        <source>Production</source>
        <translation>Production</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/start.py" line="238"/>
        <source>privadmin: sign in</source>
        <translation>privadmin: sign in</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/start.py" line="239"/>
        <source>&amp;Environment:</source>
        <translation>&amp;Environment:</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/start.py" line="240"/>
        <source>&amp;Language:</source>
        <translation>&amp;Language:</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/start.py" line="243"/>
        <source>Pre-production</source>
        <translation>Pre-production</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/start.py" line="244"/>
        <source>Demo (local test data)</source>
        <translation>Demo (local test data)</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/start.py" line="245"/>
        <source>Custom</source>
        <translation>Custom</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/start.py" line="249"/>
        <source>Set by your IT department</source>
        <translation>Set by your IT department</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/start.py" line="254"/>
        <source>Notes about the settings and this computer:</source>
        <translation>Notes about the settings and this computer:</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/start.py" line="255"/>
        <source>Hide</source>
        <translation>Hide</translation>
    </message>
</context>
</TS>
