<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AddEmployeeDialog</name>
    <message>
        <location filename="../../privadmin/views/dialogs.py" line="49"/>
        <source>Add employee</source>
        <translation>Add employee</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/dialogs.py" line="61"/>
        <source>Add an employee by their MitID Erhverv UUID. The employee then appears in the list before their first sign-in, so you can assign privileges at once.</source>
        <translation>Add an employee by their MitID Erhverv UUID. The employee then appears in the list before their first sign-in, so you can assign privileges at once.</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/dialogs.py" line="69"/>
        <source>The RID number is stored only as an attribute that search finds. Nothing available here can look up a UUID from a RID, so the UUID is required; the employee&apos;s MitID Erhverv administrator can find it.</source>
        <translation>The RID number is stored only as an attribute that search finds. Nothing available here can look up a UUID from a RID, so the UUID is required; the employee&apos;s MitID Erhverv administrator can find it.</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/dialogs.py" line="78"/>
        <source>&amp;UUID (required):</source>
        <translation>&amp;UUID (required):</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/dialogs.py" line="79"/>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/dialogs.py" line="80"/>
        <source>&amp;Email:</source>
        <translation>&amp;Email:</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/dialogs.py" line="81"/>
        <source>&amp;RID:</source>
        <translation>&amp;RID:</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/dialogs.py" line="86"/>
        <source>Add</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/dialogs.py" line="87"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/dialogs.py" line="113"/>
        <source>Enter the employee&apos;s MitID Erhverv UUID.</source>
        <translation>Enter the employee&apos;s MitID Erhverv UUID.</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/dialogs.py" line="118"/>
        <source>“%1” is not a UUID. A UUID has 32 hexadecimal digits in groups of 8-4-4-4-12, for example 7f3c2a10-5b6d-4e8f-9a0b-1c2d3e4f5a6b.</source>
        <translation>“%1” is not a UUID. A UUID has 32 hexadecimal digits in groups of 8-4-4-4-12, for example 7f3c2a10-5b6d-4e8f-9a0b-1c2d3e4f5a6b.</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/dialogs.py" line="124"/>
        <source>“%1” is not an email address; leave the field empty or correct it.</source>
        <translation>“%1” is not an email address; leave the field empty or correct it.</translation>
    </message>
</context>
<context>
    <name>AssignmentTableModel</name>
    <message>
        <location filename="../../privadmin/itemmodels/assignments.py" line="84"/>
        <source>Inactive: the organization is no longer on the privilege&apos;s whitelist</source>
        <translation>Inactive: the organization is no longer on the privilege&apos;s whitelist</translation>
    </message>
    <message>
        <location filename="../../privadmin/itemmodels/assignments.py" line="86"/>
        <source>Inactive: the provider has made the privilege private</source>
        <translation>Inactive: the provider has made the privilege private</translation>
    </message>
    <message>
        <location filename="../../privadmin/itemmodels/assignments.py" line="87"/>
        <source>Inactive</source>
        <translation>Inactive</translation>
    </message>
    <message>
        <location filename="../../privadmin/itemmodels/assignments.py" line="111"/>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../privadmin/itemmodels/assignments.py" line="145"/>
        <source>Privilege</source>
        <translation>Privilege</translation>
    </message>
    <message>
        <location filename="../../privadmin/itemmodels/assignments.py" line="146"/>
        <source>Provider</source>
        <translation>Provider</translation>
    </message>
    <message>
        <location filename="../../privadmin/itemmodels/assignments.py" line="147"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../privadmin/itemmodels/assignments.py" line="148"/>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../privadmin/itemmodels/assignments.py" line="149"/>
        <source>Assigned</source>
        <translation>Assigned</translation>
    </message>
</context>
<context>
    <name>BatchFailureDialog</name>
    <message>
        <location filename="../../privadmin/views/dialogs.py" line="282"/>
        <source>Change only partly applied</source>
        <translation>Change only partly applied</translation>
    </message>
    <message numerus="yes">
        <location filename="../../privadmin/views/dialogs.py" line="288"/>
        <source>%n item(s) were applied</source>
        <translation>
            <numerusform>%n item was applied</numerusform>
            <numerusform>%n items were applied</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../privadmin/views/dialogs.py" line="290"/>
        <source>(%n changed on the server).</source>
        <translation>
            <numerusform>(%n changed on the server).</numerusform>
            <numerusform>(%n changed on the server).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../privadmin/views/dialogs.py" line="291"/>
        <source>%n item(s) were not applied.</source>
        <translation>
            <numerusform>%n item was not applied.</numerusform>
            <numerusform>%n items were not applied.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../privadmin/views/dialogs.py" line="292"/>
        <source>Reason: %1</source>
        <translation>Reason: %1</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/dialogs.py" line="294"/>
        <source>Retry the rest to finish the change, or undo the applied part to return to where you started. Closing keeps the applied part; it can be undone later.</source>
        <translation>Retry the rest to finish the change, or undo the applied part to return to where you started. Closing keeps the applied part; it can be undone later.</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/dialogs.py" line="301"/>
        <source>&amp;Retry the rest</source>
        <translation>&amp;Retry the rest</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/dialogs.py" line="302"/>
        <source>&amp;Undo the applied part</source>
        <translation>&amp;Undo the applied part</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/dialogs.py" line="303"/>
        <source>&amp;Close</source>
        <translation>&amp;Close</translation>
    </message>
</context>
<context>
    <name>BatchProgressDialog</name>
    <message>
        <location filename="../../privadmin/views/dialogs.py" line="248"/>
        <source>Applying changes</source>
        <translation>Applying changes</translation>
    </message>
    <message numerus="yes">
        <location filename="../../privadmin/views/dialogs.py" line="249"/>
        <source>Applying %n change(s)…</source>
        <translation>
            <numerusform>Applying %n change…</numerusform>
            <numerusform>Applying %n changes…</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../privadmin/views/dialogs.py" line="250"/>
        <source>Cancel after this batch</source>
        <translation>Cancel after this batch</translation>
    </message>
</context>
<context>
    <name>ChangePreviewDialog</name>
    <message>
        <location filename="../../privadmin/views/dialogs.py" line="172"/>
        <source>Preview of changes</source>
        <translation>Preview of changes</translation>
    </message>
    <message numerus="yes">
        <location filename="../../privadmin/views/dialogs.py" line="188"/>
        <source>Up to %n assignment(s) to add; existing ones stay unchanged</source>
        <translation>
            <numerusform>Up to %n assignment to add; existing ones stay unchanged</numerusform>
            <numerusform>Up to %n assignments to add; existing ones stay unchanged</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../privadmin/views/dialogs.py" line="192"/>
        <source>%n already assigned; stay(s) unchanged</source>
        <translation>
            <numerusform>%n already assigned; stays unchanged</numerusform>
            <numerusform>%n already assigned; stay unchanged</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../privadmin/views/dialogs.py" line="196"/>
        <source>Up to %n assignment(s) to remove; missing ones stay unchanged</source>
        <translation>
            <numerusform>Up to %n assignment to remove; missing ones stay unchanged</numerusform>
            <numerusform>Up to %n assignments to remove; missing ones stay unchanged</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../privadmin/views/dialogs.py" line="199"/>
        <source>%n employee(s) affected</source>
        <translation>
            <numerusform>%n employee affected</numerusform>
            <numerusform>%n employees affected</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../privadmin/views/dialogs.py" line="209"/>
        <source>(already assigned)</source>
        <translation>(already assigned)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../privadmin/views/dialogs.py" line="216"/>
        <source>… and %n more</source>
        <translation>
            <numerusform>… and %n more</numerusform>
            <numerusform>… and %n more</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../privadmin/views/dialogs.py" line="221"/>
        <source>Assignments that already exist, or are already gone, stay as they are.</source>
        <translation>Assignments that already exist, or are already gone, stay as they are.</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/dialogs.py" line="228"/>
        <source>Apply changes</source>
        <translation>Apply changes</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/dialogs.py" line="229"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ChangeRunning</name>
    <message>
        <location filename="../../privadmin/views/changes.py" line="150"/>
        <source>Wait until the running change has finished.</source>
        <translation>Wait until the running change has finished.</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/changes.py" line="168"/>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/changes.py" line="172"/>
        <source>UUID %1…</source>
        <translation>UUID %1…</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/changes.py" line="178"/>
        <source>RID %1</source>
        <translation>RID %1</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/changes.py" line="241"/>
        <source>&amp;Undo: %1</source>
        <translation>&amp;Undo: %1</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/changes.py" line="243"/>
        <source>&amp;Undo</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/changes.py" line="245"/>
        <source>&amp;Redo: %1</source>
        <translation>&amp;Redo: %1</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/changes.py" line="247"/>
        <source>&amp;Redo</source>
        <translation>&amp;Redo</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/changes.py" line="248"/>
        <source>Undo</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/changes.py" line="249"/>
        <source>Redo</source>
        <translation>Redo</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/changes.py" line="316"/>
        <location filename="../../privadmin/views/changes.py" line="370"/>
        <location filename="../../privadmin/views/changes.py" line="394"/>
        <source>cancelled</source>
        <translation>cancelled</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/changes.py" line="372"/>
        <source>Undo was only partly applied (%1 of %2 items): %3</source>
        <translation>Undo was only partly applied (%1 of %2 items): %3</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/changes.py" line="380"/>
        <source>Undone: %1.</source>
        <translation>Undone: %1.</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/changes.py" line="396"/>
        <source>Redo was only partly applied: %1</source>
        <translation>Redo was only partly applied: %1</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/changes.py" line="401"/>
        <source>Redone: %1.</source>
        <translation>Redone: %1.</translation>
    </message>
</context>
<context>
    <name>ChangeTexts</name>
    <message numerus="yes">
        <location filename="../../privadmin/views/changes.py" line="62"/>
        <source>%n employee(s)</source>
        <translation>
            <numerusform>%n employee</numerusform>
            <numerusform>%n employees</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../privadmin/views/changes.py" line="64"/>
        <source>change %n assignment(s) of %1</source>
        <translation>
            <numerusform>change %n assignment of %1</numerusform>
            <numerusform>change %n assignments of %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../privadmin/views/changes.py" line="69"/>
        <source>%n privilege(s)</source>
        <translation>
            <numerusform>%n privilege</numerusform>
            <numerusform>%n privileges</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../privadmin/views/changes.py" line="71"/>
        <source>%n assignment(s)</source>
        <translation>
            <numerusform>%n assignment</numerusform>
            <numerusform>%n assignments</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../privadmin/views/changes.py" line="74"/>
        <source>assign %1 to %2</source>
        <translation>assign %1 to %2</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/changes.py" line="79"/>
        <source>remove %1 from %2</source>
        <translation>remove %1 from %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../../privadmin/views/changes.py" line="89"/>
        <source>%n assignment(s) added.</source>
        <translation>
            <numerusform>%n assignment added.</numerusform>
            <numerusform>%n assignments added.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../privadmin/views/changes.py" line="91"/>
        <source>%n assignment(s) removed.</source>
        <translation>
            <numerusform>%n assignment removed.</numerusform>
            <numerusform>%n assignments removed.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../privadmin/views/changes.py" line="93"/>
        <source>No assignments changed.</source>
        <translation>No assignments changed.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../privadmin/views/changes.py" line="95"/>
        <source>%n item(s) were already as requested.</source>
        <translation>
            <numerusform>%n item was already as requested.</numerusform>
            <numerusform>%n items were already as requested.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../privadmin/views/changes.py" line="99"/>
        <source>Cancelled: %n item(s) were not sent.</source>
        <translation>
            <numerusform>Cancelled: %n item was not sent.</numerusform>
            <numerusform>Cancelled: %n items were not sent.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EmployeeTableModel</name>
    <message>
        <location filename="../../privadmin/itemmodels/employees.py" line="176"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../privadmin/itemmodels/employees.py" line="177"/>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <location filename="../../privadmin/itemmodels/employees.py" line="178"/>
        <source>RID</source>
        <translation>RID</translation>
    </message>
    <message>
        <location filename="../../privadmin/itemmodels/employees.py" line="179"/>
        <source>Last seen</source>
        <translation>Last seen</translation>
    </message>
    <message>
        <location filename="../../privadmin/itemmodels/employees.py" line="180"/>
        <source>Privileges</source>
        <translation>Privileges</translation>
    </message>
</context>
<context>
    <name>EmployeesPanel</name>
    <message>
        <location filename="../../privadmin/views/employees_panel.py" line="154"/>
        <location filename="../../privadmin/views/employees_panel.py" line="266"/>
        <source>Loading employees…</source>
        <translation>Loading employees…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../privadmin/views/employees_panel.py" line="159"/>
        <source>Loading employees… %n loaded</source>
        <translation>
            <numerusform>Loading employees… %n loaded</numerusform>
            <numerusform>Loading employees… %n loaded</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../privadmin/views/employees_panel.py" line="218"/>
        <source>%1 of %2</source>
        <translation>%1 of %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../../privadmin/views/employees_panel.py" line="221"/>
        <source>%n employee(s)</source>
        <translation>
            <numerusform>%n employee</numerusform>
            <numerusform>%n employees</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../privadmin/views/employees_panel.py" line="227"/>
        <source>You cannot manage employees in this organization</source>
        <translation>You cannot manage employees in this organization</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/employees_panel.py" line="230"/>
        <source>Your roles here do not include assigning privileges (PrivilegeAssigner). An administrator of the organization can grant it.</source>
        <translation>Your roles here do not include assigning privileges (PrivilegeAssigner). An administrator of the organization can grant it.</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/employees_panel.py" line="236"/>
        <source>No employees yet</source>
        <translation>No employees yet</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/employees_panel.py" line="239"/>
        <source>Employees appear here after their first sign-in at a provider&apos;s service that uses the privilege service. To assign privileges before that, add an employee by their MitID Erhverv UUID.</source>
        <translation>Employees appear here after their first sign-in at a provider&apos;s service that uses the privilege service. To assign privileges before that, add an employee by their MitID Erhverv UUID.</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/employees_panel.py" line="247"/>
        <source>No employees match “%1”</source>
        <translation>No employees match “%1”</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/employees_panel.py" line="251"/>
        <source>Search looks in name, email, RID and UUID. If the employee has not signed in at a service yet, add them by their MitID Erhverv UUID.</source>
        <translation>Search looks in name, email, RID and UUID. If the employee has not signed in at a service yet, add them by their MitID Erhverv UUID.</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/employees_panel.py" line="259"/>
        <source>Search name, email, RID or UUID (Ctrl+F)</source>
        <translation>Search name, email, RID or UUID (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/employees_panel.py" line="260"/>
        <source>Search employees</source>
        <translation>Search employees</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/employees_panel.py" line="261"/>
        <source>Employees</source>
        <translation>Employees</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/employees_panel.py" line="262"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/employees_panel.py" line="263"/>
        <source>Add employee…</source>
        <translation>Add employee…</translation>
    </message>
</context>
<context>
    <name>ErrorBanner</name>
    <message>
        <location filename="../../privadmin/views/banner.py" line="54"/>
        <source>&amp;Retry</source>
        <translation>&amp;Retry</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/banner.py" line="55"/>
        <source>Dismiss</source>
        <translation>Dismiss</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/banner.py" line="105"/>
        <source>The Privileges API could not be reached: %1</source>
        <translation>The Privileges API could not be reached: %1</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/banner.py" line="109"/>
        <source>You have been signed out. Sign in again to continue.</source>
        <translation>You have been signed out. Sign in again to continue.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../privadmin/views/main_window.py" line="303"/>
        <source>Privilege management</source>
        <translation>Privilege management</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/main_window.py" line="304"/>
        <source>&amp;Organization:</source>
        <translation>&amp;Organization:</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/main_window.py" line="305"/>
        <source>Organization</source>
        <translation>Organization</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/main_window.py" line="306"/>
        <source>Employees and privileges</source>
        <translation>Employees and privileges</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/main_window.py" line="309"/>
        <location filename="../../privadmin/views/main_window.py" line="540"/>
        <source>Privilege catalog</source>
        <translation>Privilege catalog</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/main_window.py" line="311"/>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/main_window.py" line="312"/>
        <source>&amp;Edit</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/main_window.py" line="313"/>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/main_window.py" line="314"/>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/main_window.py" line="315"/>
        <source>&amp;About privadmin</source>
        <translation>&amp;About privadmin</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/main_window.py" line="316"/>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/main_window.py" line="317"/>
        <source>&amp;Search employees</source>
        <translation>&amp;Search employees</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/main_window.py" line="318"/>
        <source>&amp;Add employee…</source>
        <translation>&amp;Add employee…</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/main_window.py" line="319"/>
        <source>A&amp;ssign selected privileges to selected employees</source>
        <translation>A&amp;ssign selected privileges to selected employees</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/main_window.py" line="320"/>
        <source>Assign</source>
        <translation>Assign</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/main_window.py" line="322"/>
        <source>Remove selected privileges from selected &amp;employees</source>
        <translation>Remove selected privileges from selected &amp;employees</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/main_window.py" line="324"/>
        <source>&amp;Remove selected assignments</source>
        <translation>&amp;Remove selected assignments</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/main_window.py" line="325"/>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/main_window.py" line="326"/>
        <source>Switch &amp;organization…</source>
        <translation>Switch &amp;organization…</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/main_window.py" line="327"/>
        <source>Re&amp;load</source>
        <translation>Re&amp;load</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/main_window.py" line="328"/>
        <source>Sign &amp;out</source>
        <translation>Sign &amp;out</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/main_window.py" line="329"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/main_window.py" line="374"/>
        <source>manages privileges</source>
        <translation>manages privileges</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/main_window.py" line="375"/>
        <source>assigns privileges</source>
        <translation>assigns privileges</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/main_window.py" line="376"/>
        <source>manages administrators</source>
        <translation>manages administrators</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/main_window.py" line="377"/>
        <source>runtime lookups</source>
        <translation>runtime lookups</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/main_window.py" line="386"/>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/main_window.py" line="388"/>
        <source>Your roles: %1</source>
        <translation>Your roles: %1</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/main_window.py" line="392"/>
        <source>Production</source>
        <translation>Production</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/main_window.py" line="393"/>
        <source>Pre-production</source>
        <translation>Pre-production</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/main_window.py" line="394"/>
        <source>Demo</source>
        <translation>Demo</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/main_window.py" line="395"/>
        <source>Custom</source>
        <translation>Custom</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/main_window.py" line="402"/>
        <source>Environment: %1</source>
        <translation>Environment: %1</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/main_window.py" line="406"/>
        <source>Signed in as %1</source>
        <translation>Signed in as %1</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/main_window.py" line="415"/>
        <source>privadmin %1</source>
        <translation>privadmin %1</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/main_window.py" line="416"/>
        <source>Environment: %1 (%2)</source>
        <translation>Environment: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/main_window.py" line="427"/>
        <source>About privadmin</source>
        <translation>About privadmin</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/main_window.py" line="454"/>
        <source>You hold no roles in any organization. Ask an administrator of your organization to add you.</source>
        <translation>You hold no roles in any organization. Ask an administrator of your organization to add you.</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/main_window.py" line="481"/>
        <source>Loading cancelled; the list may be incomplete.</source>
        <translation>Loading cancelled; the list may be incomplete.</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/main_window.py" line="629"/>
        <source>Employee added.</source>
        <translation>Employee added.</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/main_window.py" line="659"/>
        <source>Select one employee first.</source>
        <translation>Select one employee first.</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/main_window.py" line="669"/>
        <location filename="../../privadmin/views/main_window.py" line="680"/>
        <source>Select one or more employees and one or more privileges first.</source>
        <translation>Select one or more employees and one or more privileges first.</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/main_window.py" line="693"/>
        <source>Select the assignments to remove first.</source>
        <translation>Select the assignments to remove first.</translation>
    </message>
</context>
<context>
    <name>PrivilegeTreeModel</name>
    <message>
        <location filename="../../privadmin/itemmodels/privileges.py" line="53"/>
        <source>Private</source>
        <translation>Private</translation>
    </message>
    <message>
        <location filename="../../privadmin/itemmodels/privileges.py" line="54"/>
        <source>Public</source>
        <translation>Public</translation>
    </message>
    <message>
        <location filename="../../privadmin/itemmodels/privileges.py" line="55"/>
        <source>Whitelist</source>
        <translation>Whitelist</translation>
    </message>
    <message>
        <location filename="../../privadmin/itemmodels/privileges.py" line="200"/>
        <source>Privilege</source>
        <translation>Privilege</translation>
    </message>
    <message>
        <location filename="../../privadmin/itemmodels/privileges.py" line="200"/>
        <source>Assignability</source>
        <translation>Assignability</translation>
    </message>
    <message>
        <location filename="../../privadmin/itemmodels/privileges.py" line="200"/>
        <source>Description</source>
        <translation>Description</translation>
    </message>
</context>
<context>
    <name>PrivilegesPanel</name>
    <message>
        <location filename="../../privadmin/views/privileges_panel.py" line="130"/>
        <source>&amp;Assignments of %1</source>
        <translation>&amp;Assignments of %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../privadmin/views/privileges_panel.py" line="134"/>
        <source>%n employees selected: drag privileges onto them or press Ctrl+Enter</source>
        <translation>
            <numerusform>%n employee selected: drag privileges onto it or press Ctrl+Enter</numerusform>
            <numerusform>%n employees selected: drag privileges onto them or press Ctrl+Enter</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../privadmin/views/privileges_panel.py" line="140"/>
        <source>&amp;Assignments: select an employee</source>
        <translation>&amp;Assignments: select an employee</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/privileges_panel.py" line="143"/>
        <source>&amp;Privileges you may assign, by provider</source>
        <translation>&amp;Privileges you may assign, by provider</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/privileges_panel.py" line="144"/>
        <source>Privileges</source>
        <translation>Privileges</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/privileges_panel.py" line="145"/>
        <source>Assignments</source>
        <translation>Assignments</translation>
    </message>
</context>
</TS>
