<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>Catalog</name>
    <message>
        <source>You have been signed out. Sign in again, then retry.</source>
        <translation>You have been signed out. Sign in again, then retry.</translation>
    </message>
    <message>
        <source>The server could not be reached. Check the network connection and retry.</source>
        <translation>The server could not be reached. Check the network connection and retry.</translation>
    </message>
    <message>
        <source>The server did not accept your sign-in. Sign in again, then retry.</source>
        <translation>The server did not accept your sign-in. Sign in again, then retry.</translation>
    </message>
    <message>
        <source>You are not allowed to change this organization&apos;s privileges.</source>
        <translation>You are not allowed to change this organization&apos;s privileges.</translation>
    </message>
    <message>
        <source>The privilege no longer exists. Someone may have deleted it; reload the list.</source>
        <translation>The privilege no longer exists. Someone may have deleted it; reload the list.</translation>
    </message>
    <message>
        <source>Someone else changed the privilege meanwhile. Open it again to see their version.</source>
        <translation>Someone else changed the privilege meanwhile. Open it again to see their version.</translation>
    </message>
    <message>
        <source>The server is busy. Wait a moment, then retry.</source>
        <translation>The server is busy. Wait a moment, then retry.</translation>
    </message>
    <message>
        <source>The server failed to handle the request. Retry later.</source>
        <translation>The server failed to handle the request. Retry later.</translation>
    </message>
    <message>
        <source>The server rejected the change: %1</source>
        <translation>The server rejected the change: %1</translation>
    </message>
    <message>
        <source>The server answered %1: %2</source>
        <translation>The server answered %1: %2</translation>
    </message>
    <message>
        <source>The server&apos;s answer could not be read: %1</source>
        <translation>The server&apos;s answer could not be read: %1</translation>
    </message>
    <message>
        <source>Unexpected error: %1</source>
        <translation>Unexpected error: %1</translation>
    </message>
    <message>
        <source>Enter a name.</source>
        <translation>Enter a name.</translation>
    </message>
    <message>
        <source>The name may have at most %1 characters.</source>
        <translation>The name may have at most %1 characters.</translation>
    </message>
    <message>
        <source>The organization already has a privilege with this name (capital and small letters count as the same).</source>
        <translation>The organization already has a privilege with this name (capital and small letters count as the same).</translation>
    </message>
    <message>
        <source>A description may have at most %1 characters.</source>
        <translation>A description may have at most %1 characters.</translation>
    </message>
    <message>
        <source>No active assignments will become inactive.</source>
        <translation>No active assignments will become inactive.</translation>
    </message>
    <message>
        <source>1 active assignment will become inactive:</source>
        <translation>1 active assignment will become inactive:</translation>
    </message>
    <message>
        <source>%1 active assignments will become inactive:</source>
        <translation>%1 active assignments will become inactive:</translation>
    </message>
    <message>
        <source>1 assignment</source>
        <translation>1 assignment</translation>
    </message>
    <message>
        <source>%1 assignments</source>
        <translation>%1 assignments</translation>
    </message>
    <message>
        <source>They are not deleted, and become active again if the change is undone.</source>
        <translation>They are not deleted, and become active again if the change is undone.</translation>
    </message>
    <message>
        <source>Private</source>
        <translation>Private</translation>
    </message>
    <message>
        <source>Public</source>
        <translation>Public</translation>
    </message>
    <message>
        <source>Whitelist</source>
        <translation>Whitelist</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Assignability</source>
        <translation>Assignability</translation>
    </message>
    <message>
        <source>Last changed</source>
        <translation>Last changed</translation>
    </message>
    <message>
        <source>Assignments</source>
        <translation>Assignments</translation>
    </message>
</context>
<context>
    <name>CatalogPanel</name>
    <message>
        <source>No privileges of your own yet</source>
        <translation>No privileges of your own yet</translation>
    </message>
    <message>
        <source>The catalog lists the privileges that %1 owns and offers to other organizations, whose administrators can then assign them to their employees. Create a privilege, then choose who may assign it: only your organization (Private), every organization (Public) or the organizations on its whitelist (Whitelist).</source>
        <translation>The catalog lists the privileges that %1 owns and offers to other organizations, whose administrators can then assign them to their employees. Create a privilege, then choose who may assign it: only your organization (Private), every organization (Public) or the organizations on its whitelist (Whitelist).</translation>
    </message>
    <message>
        <source>No privileges match “%1”</source>
        <translation>No privileges match “%1”</translation>
    </message>
    <message>
        <source>The filter looks in the names and descriptions of the privileges.</source>
        <translation>The filter looks in the names and descriptions of the privileges.</translation>
    </message>
    <message>
        <source>Delete the privilege “%1”?</source>
        <translation>Delete the privilege “%1”?</translation>
    </message>
    <message>
        <source>1 assignment will be removed:</source>
        <translation>1 assignment will be removed:</translation>
    </message>
    <message>
        <source>%1 assignments will be removed:</source>
        <translation>%1 assignments will be removed:</translation>
    </message>
    <message>
        <source>It has no assignments.</source>
        <translation>It has no assignments.</translation>
    </message>
    <message>
        <source>This cannot be undone.</source>
        <translation>This cannot be undone.</translation>
    </message>
    <message>
        <source>Delete privilege</source>
        <translation>Delete privilege</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>&amp;New privilege</source>
        <translation>&amp;New privilege</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Delete</translation>
    </message>
    <message>
        <source>&amp;Whitelist</source>
        <translation>&amp;Whitelist</translation>
    </message>
    <message>
        <source>Re&amp;load</source>
        <translation>Re&amp;load</translation>
    </message>
    <message>
        <source>Create a privilege</source>
        <translation>Create a privilege</translation>
    </message>
    <message>
        <source>Edit the descriptions and assignability of the selected privilege</source>
        <translation>Edit the descriptions and assignability of the selected privilege</translation>
    </message>
    <message>
        <source>Delete the selected privilege and its assignments</source>
        <translation>Delete the selected privilege and its assignments</translation>
    </message>
    <message>
        <source>Edit the organizations that may assign the selected privilege</source>
        <translation>Edit the organizations that may assign the selected privilege</translation>
    </message>
    <message>
        <source>Load the privileges again from the server</source>
        <translation>Load the privileges again from the server</translation>
    </message>
    <message>
        <source>New privilege…</source>
        <translation>New privilege…</translation>
    </message>
    <message>
        <source>&amp;Filter:</source>
        <translation>&amp;Filter:</translation>
    </message>
    <message>
        <source>Name or description</source>
        <translation>Name or description</translation>
    </message>
    <message>
        <source>You need the PrivilegeAdministrator role in %1 to see and change its privileges.</source>
        <translation>You need the PrivilegeAdministrator role in %1 to see and change its privileges.</translation>
    </message>
</context>
<context>
    <name>ConflictView</name>
    <message>
        <source>Someone else changed this privilege</source>
        <translation>Someone else changed this privilege</translation>
    </message>
    <message>
        <source>The privilege was changed by someone else after you opened it. Their version is on the right, yours on the left. Nothing has been saved yet.</source>
        <translation>The privilege was changed by someone else after you opened it. Their version is on the right, yours on the left. Nothing has been saved yet.</translation>
    </message>
    <message>
        <source>Your version</source>
        <translation>Your version</translation>
    </message>
    <message>
        <source>Their version (saved)</source>
        <translation>Their version (saved)</translation>
    </message>
    <message>
        <source>Danish description</source>
        <translation>Danish description</translation>
    </message>
    <message>
        <source>English description</source>
        <translation>English description</translation>
    </message>
    <message>
        <source>Assignability</source>
        <translation>Assignability</translation>
    </message>
    <message>
        <source>Use mine</source>
        <translation>Use mine</translation>
    </message>
    <message>
        <source>Use theirs</source>
        <translation>Use theirs</translation>
    </message>
    <message>
        <source>&amp;Keep mine and overwrite</source>
        <translation>&amp;Keep mine and overwrite</translation>
    </message>
    <message>
        <source>&amp;Take theirs</source>
        <translation>&amp;Take theirs</translation>
    </message>
    <message>
        <source>&amp;Merge chosen fields</source>
        <translation>&amp;Merge chosen fields</translation>
    </message>
</context>
<context>
    <name>PrivilegeEditor</name>
    <message>
        <source>Change the assignability of “%1” from %2 to %3?</source>
        <translation>Change the assignability of “%1” from %2 to %3?</translation>
    </message>
    <message>
        <source>Change assignability</source>
        <translation>Change assignability</translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation>Server: %1</translation>
    </message>
    <message>
        <source>The server rejected the privilege: %1</source>
        <translation>The server rejected the privilege: %1</translation>
    </message>
    <message>
        <source>New privilege</source>
        <translation>New privilege</translation>
    </message>
    <message>
        <source>Edit privilege</source>
        <translation>Edit privilege</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>Id:</source>
        <translation>Id:</translation>
    </message>
    <message>
        <source>Owner:</source>
        <translation>Owner:</translation>
    </message>
    <message>
        <source>The name, id and owner of a privilege cannot change after it is created. To use another name, create a new privilege.</source>
        <translation>The name, id and owner of a privilege cannot change after it is created. To use another name, create a new privilege.</translation>
    </message>
    <message>
        <source>1 to %1 characters</source>
        <translation>1 to %1 characters</translation>
    </message>
    <message>
        <source>&amp;Danish description:</source>
        <translation>&amp;Danish description:</translation>
    </message>
    <message>
        <source>&amp;English description:</source>
        <translation>&amp;English description:</translation>
    </message>
    <message>
        <source>&amp;Assignability:</source>
        <translation>&amp;Assignability:</translation>
    </message>
    <message>
        <source>Private: only your organization may assign it. Public: any organization may. Whitelist: your organization and the organizations on its whitelist.</source>
        <translation>Private: only your organization may assign it. Public: any organization may. Whitelist: your organization and the organizations on its whitelist.</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <source>Retry</source>
        <translation>Retry</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>Working…</translation>
    </message>
    <message>
        <source>Waiting for the server</source>
        <translation>Waiting for the server</translation>
    </message>
</context>
<context>
    <name>WhitelistEditor</name>
    <message>
        <source>Remove %1 from the whitelist of “%2”?</source>
        <translation>Remove %1 from the whitelist of “%2”?</translation>
    </message>
    <message>
        <source>Remove from whitelist</source>
        <translation>Remove from whitelist</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Whitelist of “%1”</source>
        <translation>Whitelist of “%1”</translation>
    </message>
    <message>
        <source>Organizations on the whitelist may assign this privilege.</source>
        <translation>Organizations on the whitelist may assign this privilege.</translation>
    </message>
    <message>
        <source>The privilege is %1: the whitelist only takes effect while its assignability is Whitelist.</source>
        <translation>The privilege is %1: the whitelist only takes effect while its assignability is Whitelist.</translation>
    </message>
    <message>
        <source>&amp;Whitelisted organizations:</source>
        <translation>&amp;Whitelisted organizations:</translation>
    </message>
    <message>
        <source>&amp;Find organization by name or CVR number:</source>
        <translation>&amp;Find organization by name or CVR number:</translation>
    </message>
    <message>
        <source>Name, CVR number or TIN (DK + CVR number), e.g. DK12345678</source>
        <translation>Name, CVR number or TIN (DK + CVR number), e.g. DK12345678</translation>
    </message>
    <message>
        <source>&amp;Add to whitelist</source>
        <translation>&amp;Add to whitelist</translation>
    </message>
    <message>
        <source>&amp;Remove from whitelist</source>
        <translation>&amp;Remove from whitelist</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
</context>
</TS>
