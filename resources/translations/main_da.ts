<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="da">
<context>
    <name>AddEmployeeDialog</name>
    <message>
        <location filename="../../privadmin/views/dialogs.py" line="49"/>
        <source>Add employee</source>
        <translation>Tilføj medarbejder</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/dialogs.py" line="61"/>
        <source>Add an employee by their MitID Erhverv UUID. The employee then appears in the list before their first sign-in, so you can assign privileges at once.</source>
        <translation>Tilføj en medarbejder med vedkommendes MitID Erhverv-UUID. Medarbejderen vises så på listen før sit første login, så du kan tildele rettigheder med det samme.</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/dialogs.py" line="69"/>
        <source>The RID number is stored only as an attribute that search finds. Nothing available here can look up a UUID from a RID, so the UUID is required; the employee&apos;s MitID Erhverv administrator can find it.</source>
        <translation>RID-nummeret gemmes kun som en oplysning, som søgningen kan finde. Programmet kan ikke finde et UUID ud fra et RID-nummer, så UUID&apos;et skal angives. Medarbejderens MitID Erhverv-administrator kan oplyse det.</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/dialogs.py" line="78"/>
        <source>&amp;UUID (required):</source>
        <translation>&amp;UUID (påkrævet):</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/dialogs.py" line="79"/>
        <source>&amp;Name:</source>
        <translation>&amp;Navn:</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/dialogs.py" line="80"/>
        <source>&amp;Email:</source>
        <translation>&amp;E-mail:</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/dialogs.py" line="81"/>
        <source>&amp;RID:</source>
        <translation>&amp;RID:</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/dialogs.py" line="86"/>
        <source>Add</source>
        <translation>Tilføj</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/dialogs.py" line="87"/>
        <source>Cancel</source>
        <translation>Annuller</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/dialogs.py" line="113"/>
        <source>Enter the employee&apos;s MitID Erhverv UUID.</source>
        <translation>Indtast medarbejderens MitID Erhverv-UUID.</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/dialogs.py" line="118"/>
        <source>“%1” is not a UUID. A UUID has 32 hexadecimal digits in groups of 8-4-4-4-12, for example 7f3c2a10-5b6d-4e8f-9a0b-1c2d3e4f5a6b.</source>
        <translation>“%1” er ikke et UUID. Et UUID har 32 hexadecimale cifre i grupper på 8-4-4-4-12, for eksempel 7f3c2a10-5b6d-4e8f-9a0b-1c2d3e4f5a6b.</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/dialogs.py" line="124"/>
        <source>“%1” is not an email address; leave the field empty or correct it.</source>
        <translation>“%1” er ikke en e-mailadresse; lad feltet stå tomt eller ret det.</translation>
    </message>
</context>
<context>
    <name>AssignmentTableModel</name>
    <message>
        <location filename="../../privadmin/itemmodels/assignments.py" line="84"/>
        <source>Inactive: the organization is no longer on the privilege&apos;s whitelist</source>
        <translation>Inaktiv: organisationen er ikke længere på rettighedens whitelist</translation>
    </message>
    <message>
        <location filename="../../privadmin/itemmodels/assignments.py" line="86"/>
        <source>Inactive: the provider has made the privilege private</source>
        <translation>Inaktiv: tjenesteudbyderen har gjort rettigheden privat</translation>
    </message>
    <message>
        <location filename="../../privadmin/itemmodels/assignments.py" line="87"/>
        <source>Inactive</source>
        <translation>Inaktiv</translation>
    </message>
    <message>
        <location filename="../../privadmin/itemmodels/assignments.py" line="111"/>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <location filename="../../privadmin/itemmodels/assignments.py" line="145"/>
        <source>Privilege</source>
        <translation>Rettighed</translation>
    </message>
    <message>
        <location filename="../../privadmin/itemmodels/assignments.py" line="146"/>
        <source>Provider</source>
        <translation>Tjenesteudbyder</translation>
    </message>
    <message>
        <location filename="../../privadmin/itemmodels/assignments.py" line="147"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../privadmin/itemmodels/assignments.py" line="148"/>
        <source>Description</source>
        <translation>Beskrivelse</translation>
    </message>
    <message>
        <location filename="../../privadmin/itemmodels/assignments.py" line="149"/>
        <source>Assigned</source>
        <translation>Tildelt</translation>
    </message>
</context>
<context>
    <name>BatchFailureDialog</name>
    <message>
        <location filename="../../privadmin/views/dialogs.py" line="282"/>
        <source>Change only partly applied</source>
        <translation>Ændringen blev kun delvist gennemført</translation>
    </message>
    <message numerus="yes">
        <location filename="../../privadmin/views/dialogs.py" line="288"/>
        <source>%n item(s) were applied</source>
        <translation>
            <numerusform>%n element blev gennemført</numerusform>
            <numerusform>%n elementer blev gennemført</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../privadmin/views/dialogs.py" line="290"/>
        <source>(%n changed on the server).</source>
        <translation>
            <numerusform>(%n ændret på serveren).</numerusform>
            <numerusform>(%n ændret på serveren).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../privadmin/views/dialogs.py" line="291"/>
        <source>%n item(s) were not applied.</source>
        <translation>
            <numerusform>%n element blev ikke gennemført.</numerusform>
            <numerusform>%n elementer blev ikke gennemført.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../privadmin/views/dialogs.py" line="292"/>
        <source>Reason: %1</source>
        <translation>Årsag: %1</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/dialogs.py" line="294"/>
        <source>Retry the rest to finish the change, or undo the applied part to return to where you started. Closing keeps the applied part; it can be undone later.</source>
        <translation>Prøv resten igen for at gøre ændringen færdig, eller fortryd den gennemførte del for at komme tilbage til udgangspunktet. Lukker du, beholdes den gennemførte del; den kan fortrydes senere.</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/dialogs.py" line="301"/>
        <source>&amp;Retry the rest</source>
        <translation>&amp;Prøv resten igen</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/dialogs.py" line="302"/>
        <source>&amp;Undo the applied part</source>
        <translation>&amp;Fortryd den gennemførte del</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/dialogs.py" line="303"/>
        <source>&amp;Close</source>
        <translation>&amp;Luk</translation>
    </message>
</context>
<context>
    <name>BatchProgressDialog</name>
    <message>
        <location filename="../../privadmin/views/dialogs.py" line="248"/>
        <source>Applying changes</source>
        <translation>Gennemfører ændringer</translation>
    </message>
    <message numerus="yes">
        <location filename="../../privadmin/views/dialogs.py" line="249"/>
        <source>Applying %n change(s)…</source>
        <translation>
            <numerusform>Gennemfører %n ændring…</numerusform>
            <numerusform>Gennemfører %n ændringer…</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../privadmin/views/dialogs.py" line="250"/>
        <source>Cancel after this batch</source>
        <translation>Annuller efter denne portion</translation>
    </message>
</context>
<context>
    <name>ChangePreviewDialog</name>
    <message>
        <location filename="../../privadmin/views/dialogs.py" line="172"/>
        <source>Preview of changes</source>
        <translation>Forhåndsvisning af ændringer</translation>
    </message>
    <message numerus="yes">
        <location filename="../../privadmin/views/dialogs.py" line="188"/>
        <source>Up to %n assignment(s) to add; existing ones stay unchanged</source>
        <translation>
            <numerusform>Op til %n tildeling tilføjes; eksisterende forbliver uændrede</numerusform>
            <numerusform>Op til %n tildelinger tilføjes; eksisterende forbliver uændrede</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../privadmin/views/dialogs.py" line="192"/>
        <source>%n already assigned; stay(s) unchanged</source>
        <translation>
            <numerusform>%n er allerede tildelt og forbliver uændret</numerusform>
            <numerusform>%n er allerede tildelt og forbliver uændrede</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../privadmin/views/dialogs.py" line="196"/>
        <source>Up to %n assignment(s) to remove; missing ones stay unchanged</source>
        <translation>
            <numerusform>Op til %n tildeling fjernes; manglende forbliver uændrede</numerusform>
            <numerusform>Op til %n tildelinger fjernes; manglende forbliver uændrede</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../privadmin/views/dialogs.py" line="199"/>
        <source>%n employee(s) affected</source>
        <translation>
            <numerusform>%n medarbejder berøres</numerusform>
            <numerusform>%n medarbejdere berøres</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../privadmin/views/dialogs.py" line="209"/>
        <source>(already assigned)</source>
        <translation>(allerede tildelt)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../privadmin/views/dialogs.py" line="216"/>
        <source>… and %n more</source>
        <translation>
            <numerusform>… og %n til</numerusform>
            <numerusform>… og %n til</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../privadmin/views/dialogs.py" line="221"/>
        <source>Assignments that already exist, or are already gone, stay as they are.</source>
        <translation>Tildelinger, der allerede findes eller allerede er fjernet, forbliver som de er.</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/dialogs.py" line="228"/>
        <source>Apply changes</source>
        <translation>Gennemfør ændringer</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/dialogs.py" line="229"/>
        <source>Cancel</source>
        <translation>Annuller</translation>
    </message>
</context>
<context>
    <name>ChangeRunning</name>
    <message>
        <location filename="../../privadmin/views/changes.py" line="150"/>
        <source>Wait until the running change has finished.</source>
        <translation>Vent, til den igangværende ændring er færdig.</translation>
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
        <translation>&amp;Fortryd: %1</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/changes.py" line="243"/>
        <source>&amp;Undo</source>
        <translation>&amp;Fortryd</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/changes.py" line="245"/>
        <source>&amp;Redo: %1</source>
        <translation>&amp;Gentag: %1</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/changes.py" line="247"/>
        <source>&amp;Redo</source>
        <translation>&amp;Gentag</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/changes.py" line="248"/>
        <source>Undo</source>
        <translation>Fortryd</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/changes.py" line="249"/>
        <source>Redo</source>
        <translation>Gentag</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/changes.py" line="316"/>
        <location filename="../../privadmin/views/changes.py" line="370"/>
        <location filename="../../privadmin/views/changes.py" line="394"/>
        <source>cancelled</source>
        <translation>annulleret</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/changes.py" line="372"/>
        <source>Undo was only partly applied (%1 of %2 items): %3</source>
        <translation>Fortrydelsen blev kun delvist gennemført (%1 af %2 elementer): %3</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/changes.py" line="380"/>
        <source>Undone: %1.</source>
        <translation>Fortrudt: %1.</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/changes.py" line="396"/>
        <source>Redo was only partly applied: %1</source>
        <translation>Gentagelsen blev kun delvist gennemført: %1</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/changes.py" line="401"/>
        <source>Redone: %1.</source>
        <translation>Gentaget: %1.</translation>
    </message>
</context>
<context>
    <name>ChangeTexts</name>
    <message numerus="yes">
        <location filename="../../privadmin/views/changes.py" line="62"/>
        <source>%n employee(s)</source>
        <translation>
            <numerusform>%n medarbejder</numerusform>
            <numerusform>%n medarbejdere</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../privadmin/views/changes.py" line="64"/>
        <source>change %n assignment(s) of %1</source>
        <translation>
            <numerusform>ændr %n tildeling for %1</numerusform>
            <numerusform>ændr %n tildelinger for %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../privadmin/views/changes.py" line="69"/>
        <source>%n privilege(s)</source>
        <translation>
            <numerusform>%n rettighed</numerusform>
            <numerusform>%n rettigheder</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../privadmin/views/changes.py" line="71"/>
        <source>%n assignment(s)</source>
        <translation>
            <numerusform>%n tildeling</numerusform>
            <numerusform>%n tildelinger</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../privadmin/views/changes.py" line="74"/>
        <source>assign %1 to %2</source>
        <translation>tildel %1 til %2</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/changes.py" line="79"/>
        <source>remove %1 from %2</source>
        <translation>fjern %1 fra %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../../privadmin/views/changes.py" line="89"/>
        <source>%n assignment(s) added.</source>
        <translation>
            <numerusform>%n tildeling tilføjet.</numerusform>
            <numerusform>%n tildelinger tilføjet.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../privadmin/views/changes.py" line="91"/>
        <source>%n assignment(s) removed.</source>
        <translation>
            <numerusform>%n tildeling fjernet.</numerusform>
            <numerusform>%n tildelinger fjernet.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../privadmin/views/changes.py" line="93"/>
        <source>No assignments changed.</source>
        <translation>Ingen tildelinger blev ændret.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../privadmin/views/changes.py" line="95"/>
        <source>%n item(s) were already as requested.</source>
        <translation>
            <numerusform>%n element var allerede som ønsket.</numerusform>
            <numerusform>%n elementer var allerede som ønsket.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../privadmin/views/changes.py" line="99"/>
        <source>Cancelled: %n item(s) were not sent.</source>
        <translation>
            <numerusform>Annulleret: %n element blev ikke sendt.</numerusform>
            <numerusform>Annulleret: %n elementer blev ikke sendt.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EmployeeTableModel</name>
    <message>
        <location filename="../../privadmin/itemmodels/employees.py" line="176"/>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <location filename="../../privadmin/itemmodels/employees.py" line="177"/>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../privadmin/itemmodels/employees.py" line="178"/>
        <source>RID</source>
        <translation>RID</translation>
    </message>
    <message>
        <location filename="../../privadmin/itemmodels/employees.py" line="179"/>
        <source>Last seen</source>
        <translation>Sidst set</translation>
    </message>
    <message>
        <location filename="../../privadmin/itemmodels/employees.py" line="180"/>
        <source>Privileges</source>
        <translation>Rettigheder</translation>
    </message>
</context>
<context>
    <name>EmployeesPanel</name>
    <message>
        <location filename="../../privadmin/views/employees_panel.py" line="154"/>
        <location filename="../../privadmin/views/employees_panel.py" line="266"/>
        <source>Loading employees…</source>
        <translation>Henter medarbejdere…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../privadmin/views/employees_panel.py" line="159"/>
        <source>Loading employees… %n loaded</source>
        <translation>
            <numerusform>Henter medarbejdere… %n hentet</numerusform>
            <numerusform>Henter medarbejdere… %n hentet</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../privadmin/views/employees_panel.py" line="218"/>
        <source>%1 of %2</source>
        <translation>%1 af %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../../privadmin/views/employees_panel.py" line="221"/>
        <source>%n employee(s)</source>
        <translation>
            <numerusform>%n medarbejder</numerusform>
            <numerusform>%n medarbejdere</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../privadmin/views/employees_panel.py" line="227"/>
        <source>You cannot manage employees in this organization</source>
        <translation>Du kan ikke administrere medarbejdere i denne organisation</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/employees_panel.py" line="230"/>
        <source>Your roles here do not include assigning privileges (PrivilegeAssigner). An administrator of the organization can grant it.</source>
        <translation>Dine roller her omfatter ikke tildeling af rettigheder (PrivilegeAssigner). En administrator i organisationen kan give dig den.</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/employees_panel.py" line="236"/>
        <source>No employees yet</source>
        <translation>Ingen medarbejdere endnu</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/employees_panel.py" line="239"/>
        <source>Employees appear here after their first sign-in at a provider&apos;s service that uses the privilege service. To assign privileges before that, add an employee by their MitID Erhverv UUID.</source>
        <translation>Medarbejdere vises her efter deres første login hos en tjenesteudbyders tjeneste, der bruger rettighedsstyring. Vil du tildele rettigheder før det, så tilføj medarbejderen med vedkommendes MitID Erhverv-UUID.</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/employees_panel.py" line="247"/>
        <source>No employees match “%1”</source>
        <translation>Ingen medarbejdere matcher “%1”</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/employees_panel.py" line="251"/>
        <source>Search looks in name, email, RID and UUID. If the employee has not signed in at a service yet, add them by their MitID Erhverv UUID.</source>
        <translation>Søgningen ser i navn, e-mail, RID og UUID. Har medarbejderen ikke logget ind hos en tjeneste endnu, så tilføj vedkommende med MitID Erhverv-UUID.</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/employees_panel.py" line="259"/>
        <source>Search name, email, RID or UUID (Ctrl+F)</source>
        <translation>Søg i navn, e-mail, RID eller UUID (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/employees_panel.py" line="260"/>
        <source>Search employees</source>
        <translation>Søg medarbejdere</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/employees_panel.py" line="261"/>
        <source>Employees</source>
        <translation>Medarbejdere</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/employees_panel.py" line="262"/>
        <source>Cancel</source>
        <translation>Annuller</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/employees_panel.py" line="263"/>
        <source>Add employee…</source>
        <translation>Tilføj medarbejder…</translation>
    </message>
</context>
<context>
    <name>ErrorBanner</name>
    <message>
        <location filename="../../privadmin/views/banner.py" line="54"/>
        <source>&amp;Retry</source>
        <translation>&amp;Prøv igen</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/banner.py" line="55"/>
        <source>Dismiss</source>
        <translation>Skjul</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/banner.py" line="105"/>
        <source>The Privileges API could not be reached: %1</source>
        <translation>Rettigheds-API&apos;et kunne ikke nås: %1</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/banner.py" line="109"/>
        <source>You have been signed out. Sign in again to continue.</source>
        <translation>Du er blevet logget ud. Log ind igen for at fortsætte.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../privadmin/views/main_window.py" line="303"/>
        <source>Privilege management</source>
        <translation>Rettighedsstyring</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/main_window.py" line="304"/>
        <source>&amp;Organization:</source>
        <translation>&amp;Organisation:</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/main_window.py" line="305"/>
        <source>Organization</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/main_window.py" line="306"/>
        <source>Employees and privileges</source>
        <translation>Medarbejdere og rettigheder</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/main_window.py" line="309"/>
        <location filename="../../privadmin/views/main_window.py" line="540"/>
        <source>Privilege catalog</source>
        <translation>Rettighedskatalog</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/main_window.py" line="311"/>
        <source>&amp;File</source>
        <translation>&amp;Filer</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/main_window.py" line="312"/>
        <source>&amp;Edit</source>
        <translation>&amp;Rediger</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/main_window.py" line="313"/>
        <source>&amp;View</source>
        <translation>&amp;Vis</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/main_window.py" line="314"/>
        <source>&amp;Help</source>
        <translation>&amp;Hjælp</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/main_window.py" line="315"/>
        <source>&amp;About privadmin</source>
        <translation>&amp;Om privadmin</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/main_window.py" line="316"/>
        <source>&amp;Language</source>
        <translation>&amp;Sprog</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/main_window.py" line="317"/>
        <source>&amp;Search employees</source>
        <translation>&amp;Søg medarbejdere</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/main_window.py" line="318"/>
        <source>&amp;Add employee…</source>
        <translation>&amp;Tilføj medarbejder…</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/main_window.py" line="319"/>
        <source>A&amp;ssign selected privileges to selected employees</source>
        <translation>T&amp;ildel valgte rettigheder til valgte medarbejdere</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/main_window.py" line="320"/>
        <source>Assign</source>
        <translation>Tildel</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/main_window.py" line="322"/>
        <source>Remove selected privileges from selected &amp;employees</source>
        <translation>Fjern valgte rettigheder fra valgte &amp;medarbejdere</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/main_window.py" line="324"/>
        <source>&amp;Remove selected assignments</source>
        <translation>&amp;Fjern valgte tildelinger</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/main_window.py" line="325"/>
        <source>Remove</source>
        <translation>Fjern</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/main_window.py" line="326"/>
        <source>Switch &amp;organization…</source>
        <translation>Skift &amp;organisation…</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/main_window.py" line="327"/>
        <source>Re&amp;load</source>
        <translation>&amp;Genindlæs</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/main_window.py" line="328"/>
        <source>Sign &amp;out</source>
        <translation>Log &amp;ud</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/main_window.py" line="329"/>
        <source>&amp;Quit</source>
        <translation>&amp;Afslut</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/main_window.py" line="374"/>
        <source>manages privileges</source>
        <translation>administrerer rettigheder</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/main_window.py" line="375"/>
        <source>assigns privileges</source>
        <translation>tildeler rettigheder</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/main_window.py" line="376"/>
        <source>manages administrators</source>
        <translation>administrerer administratorer</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/main_window.py" line="377"/>
        <source>runtime lookups</source>
        <translation>opslag af rettigheder</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/main_window.py" line="386"/>
        <source>none</source>
        <translation>ingen</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/main_window.py" line="388"/>
        <source>Your roles: %1</source>
        <translation>Dine roller: %1</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/main_window.py" line="392"/>
        <source>Production</source>
        <translation>Produktion</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/main_window.py" line="393"/>
        <source>Pre-production</source>
        <translation>Præproduktion</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/main_window.py" line="394"/>
        <source>Demo</source>
        <translation>Demo</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/main_window.py" line="395"/>
        <source>Custom</source>
        <translation>Tilpasset</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/main_window.py" line="402"/>
        <source>Environment: %1</source>
        <translation>Miljø: %1</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/main_window.py" line="406"/>
        <source>Signed in as %1</source>
        <translation>Logget ind som %1</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/main_window.py" line="415"/>
        <source>privadmin %1</source>
        <translation>privadmin %1</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/main_window.py" line="416"/>
        <source>Environment: %1 (%2)</source>
        <translation>Miljø: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/main_window.py" line="427"/>
        <source>About privadmin</source>
        <translation>Om privadmin</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/main_window.py" line="454"/>
        <source>You hold no roles in any organization. Ask an administrator of your organization to add you.</source>
        <translation>Du har ingen roller i nogen organisation. Bed en administrator i din organisation om at tilføje dig.</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/main_window.py" line="481"/>
        <source>Loading cancelled; the list may be incomplete.</source>
        <translation>Hentningen blev annulleret; listen kan være ufuldstændig.</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/main_window.py" line="629"/>
        <source>Employee added.</source>
        <translation>Medarbejderen er tilføjet.</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/main_window.py" line="659"/>
        <source>Select one employee first.</source>
        <translation>Vælg først én medarbejder.</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/main_window.py" line="669"/>
        <location filename="../../privadmin/views/main_window.py" line="680"/>
        <source>Select one or more employees and one or more privileges first.</source>
        <translation>Vælg først en eller flere medarbejdere og en eller flere rettigheder.</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/main_window.py" line="693"/>
        <source>Select the assignments to remove first.</source>
        <translation>Vælg først de tildelinger, der skal fjernes.</translation>
    </message>
</context>
<context>
    <name>PrivilegeTreeModel</name>
    <message>
        <location filename="../../privadmin/itemmodels/privileges.py" line="53"/>
        <source>Private</source>
        <translation>Privat</translation>
    </message>
    <message>
        <location filename="../../privadmin/itemmodels/privileges.py" line="54"/>
        <source>Public</source>
        <translation>Offentlig</translation>
    </message>
    <message>
        <location filename="../../privadmin/itemmodels/privileges.py" line="55"/>
        <source>Whitelist</source>
        <translation>Whitelist</translation>
    </message>
    <message>
        <location filename="../../privadmin/itemmodels/privileges.py" line="200"/>
        <source>Privilege</source>
        <translation>Rettighed</translation>
    </message>
    <message>
        <location filename="../../privadmin/itemmodels/privileges.py" line="200"/>
        <source>Assignability</source>
        <translation>Tildelbarhed</translation>
    </message>
    <message>
        <location filename="../../privadmin/itemmodels/privileges.py" line="200"/>
        <source>Description</source>
        <translation>Beskrivelse</translation>
    </message>
</context>
<context>
    <name>PrivilegesPanel</name>
    <message>
        <location filename="../../privadmin/views/privileges_panel.py" line="130"/>
        <source>&amp;Assignments of %1</source>
        <translation>&amp;Tildelinger for %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../privadmin/views/privileges_panel.py" line="134"/>
        <source>%n employees selected: drag privileges onto them or press Ctrl+Enter</source>
        <translation>
            <numerusform>%n medarbejder valgt: træk rettigheder hen på den eller tryk Ctrl+Enter</numerusform>
            <numerusform>%n medarbejdere valgt: træk rettigheder hen på dem eller tryk Ctrl+Enter</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../privadmin/views/privileges_panel.py" line="140"/>
        <source>&amp;Assignments: select an employee</source>
        <translation>&amp;Tildelinger: vælg en medarbejder</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/privileges_panel.py" line="143"/>
        <source>&amp;Privileges you may assign, by provider</source>
        <translation>&amp;Rettigheder du kan tildele, efter tjenesteudbyder</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/privileges_panel.py" line="144"/>
        <source>Privileges</source>
        <translation>Rettigheder</translation>
    </message>
    <message>
        <location filename="../../privadmin/views/privileges_panel.py" line="145"/>
        <source>Assignments</source>
        <translation>Tildelinger</translation>
    </message>
</context>
</TS>
