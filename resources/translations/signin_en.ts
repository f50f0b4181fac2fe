<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>SignInPage</name>
    <message>
        <location filename="../../privadmin/views/signin.py" line="236"/>
        <source>Sign in to privadmin</source>
        <translation>Sign in to privadmin</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/signin.py" line="238"/>
        <source>Environment: {environment}</source>
        <translation>Environment: {environment}</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/signin.py" line="242"/>
        <source>You sign in with MitID Erhverv in your own web browser. When you are done there, privadmin continues by itself.</source>
        <translation>You sign in with MitID Erhverv in your own web browser. When you are done there, privadmin continues by itself.</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/signin.py" line="246"/>
        <source>&amp;Sign in</source>
        <translation>&amp;Sign in</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/signin.py" line="247"/>
        <source>&amp;Cancel</source>
        <translation>&amp;Cancel</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/signin.py" line="248"/>
        <source>Sign-in &amp;address:</source>
        <translation>Sign-in &amp;address:</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/signin.py" line="249"/>
        <source>C&amp;opy</source>
        <translation>C&amp;opy</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/signin.py" line="252"/>
        <source>If no browser window opened, copy this address and open it in your web browser.</source>
        <translation>If no browser window opened, copy this address and open it in your web browser.</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/signin.py" line="255"/>
        <source>Signing in</source>
        <translation>Signing in</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/signin.py" line="263"/>
        <source>Production</source>
        <translation>Production</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/signin.py" line="264"/>
        <source>Pre-production</source>
        <translation>Pre-production</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/signin.py" line="265"/>
        <source>Demo (local test data)</source>
        <translation>Demo (local test data)</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/signin.py" line="266"/>
        <source>Custom</source>
        <translation>Custom</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/signin.py" line="274"/>
        <source>Preparing the sign-in...</source>
        <translation>Preparing the sign-in...</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/signin.py" line="276"/>
        <source>Continue in your web browser. Waiting for the sign-in to finish...</source>
        <translation>Continue in your web browser. Waiting for the sign-in to finish...</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/signin.py" line="279"/>
        <source>No web browser could be opened. Copy the address below and open it in a browser.</source>
        <translation>No web browser could be opened. Copy the address below and open it in a browser.</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/signin.py" line="281"/>
        <source>The address was copied. Open it in your web browser.</source>
        <translation>The address was copied. Open it in your web browser.</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/signin.py" line="282"/>
        <location filename="../../privadmin/views/signin.py" line="328"/>
        <source>The sign-in was cancelled.</source>
        <translation>The sign-in was cancelled.</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/signin.py" line="283"/>
        <source>You are signed in.</source>
        <translation>You are signed in.</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/signin.py" line="292"/>
        <source>The sign-in service is configured with an address that is not secure. Ask your IT department to check the environment settings.</source>
        <translation>The sign-in service is configured with an address that is not secure. Ask your IT department to check the environment settings.</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/signin.py" line="296"/>
        <source>The sign-in service is not working as expected. Try again later.</source>
        <translation>The sign-in service is not working as expected. Try again later.</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/signin.py" line="299"/>
        <source>The sign-in service could not be reached. Check the network connection and try again.</source>
        <translation>The sign-in service could not be reached. Check the network connection and try again.</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/signin.py" line="303"/>
        <source>The app could not prepare to receive the sign-in. Restart the app and try again.</source>
        <translation>The app could not prepare to receive the sign-in. Restart the app and try again.</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/signin.py" line="305"/>
        <source>The sign-in service reported an error.</source>
        <translation>The sign-in service reported an error.</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/signin.py" line="307"/>
        <source>The sign-in was cancelled or refused at the sign-in service.</source>
        <translation>The sign-in was cancelled or refused at the sign-in service.</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/signin.py" line="310"/>
        <source>The answer from the browser does not belong to this sign-in, so it was rejected. Start the sign-in again.</source>
        <translation>The answer from the browser does not belong to this sign-in, so it was rejected. Start the sign-in again.</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/signin.py" line="314"/>
        <source>The answer from the browser did not come from the expected sign-in service, so it was rejected.</source>
        <translation>The answer from the browser did not come from the expected sign-in service, so it was rejected.</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/signin.py" line="318"/>
        <source>The sign-in service sent an incomplete answer. Start the sign-in again.</source>
        <translation>The sign-in service sent an incomplete answer. Start the sign-in again.</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/signin.py" line="321"/>
        <source>The sign-in service did not complete the sign-in. Try again.</source>
        <translation>The sign-in service did not complete the sign-in. Try again.</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/signin.py" line="324"/>
        <source>The answer from the sign-in service could not be verified, so you were not signed in. Try again, and contact your IT department if it keeps happening.</source>
        <translation>The answer from the sign-in service could not be verified, so you were not signed in. Try again, and contact your IT department if it keeps happening.</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/signin.py" line="327"/>
        <source>The sign-in took too long and was stopped. Start it again.</source>
        <translation>The sign-in took too long and was stopped. Start it again.</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/signin.py" line="330"/>
        <source>Another privadmin window is busy renewing the session. Try again in a moment.</source>
        <translation>Another privadmin window is busy renewing the session. Try again in a moment.</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/signin.py" line="335"/>
        <source>The sign-in service said: {description}</source>
        <translation>The sign-in service said: {description}</translation>
    </message>
</context>
</TS>
