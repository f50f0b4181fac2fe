<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="da" sourcelanguage="en">
<context>
    <name>Catalog</name>
    <message>
        <source>You have been signed out. Sign in again, then retry.</source>
        <translation>Du er blevet logget ud. Log ind igen, og prøv så igen.</translation>
    </message>
    <message>
        <source>The server could not be reached. Check the network connection and retry.</source>
        <translation>Serveren kunne ikke nås. Kontrollér netværksforbindelsen, og prøv igen.</translation>
    </message>
    <message>
        <source>The server did not accept your sign-in. Sign in again, then retry.</source>
        <translation>Serveren godtog ikke dit login. Log ind igen, og prøv så igen.</translation>
    </message>
    <message>
        <source>You are not allowed to change this organization&apos;s privileges.</source>
        <translation>Du har ikke lov til at ændre denne organisations rettigheder.</translation>
    </message>
    <message>
        <source>The privilege no longer exists. Someone may have deleted it; reload the list.</source>
        <translation>Rettigheden findes ikke længere. Måske har en anden slettet den. Genindlæs listen.</translation>
    </message>
    <message>
        <source>Someone else changed the privilege meanwhile. Open it again to see their version.</source>
        <translation>En anden har ændret rettigheden imens. Åbn den igen for at se deres version.</translation>
    </message>
    <message>
        <source>The server is busy. Wait a moment, then retry.</source>
        <translation>Serveren har travlt. Vent et øjeblik, og prøv så igen.</translation>
    </message>
    <message>
        <source>The server failed to handle the request. Retry later.</source>
        <translation>Serveren kunne ikke behandle forespørgslen. Prøv igen senere.</translation>
    </message>
    <message>
        <source>The server rejected the change: %1</source>
        <translation>Serveren afviste ændringen: %1</translation>
    </message>
    <message>
        <source>The server answered %1: %2</source>
        <translation>Serveren svarede med %1: %2</translation>
    </message>
    <message>
        <source>The server&apos;s answer could not be read: %1</source>
        <translation>Serverens svar kunne ikke læses: %1</translation>
    </message>
    <message>
        <source>Unexpected error: %1</source>
        <translation>Uventet fejl: %1</translation>
    </message>
    <message>
        <source>Enter a name.</source>
        <translation>Angiv et navn.</translation>
    </message>
    <message>
        <source>The name may have at most %1 characters.</source>
        <translation>Navnet må højst have %1 tegn.</translation>
    </message>
    <message>
        <source>The organization already has a privilege with this name (capital and small letters count as the same).</source>
        <translation>Organisationen har allerede en rettighed med dette navn (store og små bogstaver regnes for ens).</translation>
    </message>
    <message>
        <source>A description may have at most %1 characters.</source>
        <translation>En beskrivelse må højst have %1 tegn.</translation>
    </message>
    <message>
        <source>No active assignments will become inactive.</source>
        <translation>Ingen aktive tildelinger bliver inaktive.</translation>
    </message>
    <message>
        <source>1 active assignment will become inactive:</source>
        <translation>1 aktiv tildeling bliver inaktiv:</translation>
    </message>
    <message>
        <source>%1 active assignments will become inactive:</source>
        <translation>%1 aktive tildelinger bliver inaktive:</translation>
    </message>
    <message>
        <source>1 assignment</source>
        <translation>1 tildeling</translation>
    </message>
    <message>
        <source>%1 assignments</source>
        <translation>%1 tildelinger</translation>
    </message>
    <message>
        <source>They are not deleted, and become active again if the change is undone.</source>
        <translation>De bliver ikke slettet, og de bliver aktive igen, hvis ændringen fortrydes.</translation>
    </message>
    <message>
        <source>Private</source>
        <translation>Privat</translation>
    </message>
    <message>
        <source>Public</source>
        <translation>Offentlig</translation>
    </message>
    <message>
        <source>Whitelist</source>
        <translation>Whitelist</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>Assignability</source>
        <translation>Tildelbarhed</translation>
    </message>
    <message>
        <source>Last changed</source>
        <translation>Senest ændret</translation>
    </message>
    <message>
        <source>Assignments</source>
        <translation>Tildelinger</translation>
    </message>
</context>
<context>
    <name>CatalogPanel</name>
    <message>
        <source>No privileges of your own yet</source>
        <translation>Ingen egne rettigheder endnu</translation>
    </message>
    <message>
        <source>The catalog lists the privileges that %1 owns and offers to other organizations, whose administrators can then assign them to their employees. Create a privilege, then choose who may assign it: only your organization (Private), every organization (Public) or the organizations on its whitelist (Whitelist).</source>
        <translation>Kataloget viser de rettigheder, som %1 ejer og tilbyder andre organisationer, hvis administratorer derefter kan tildele dem til deres medarbejdere. Opret en rettighed, og vælg så, hvem der må tildele den: kun din organisation (Privat), alle organisationer (Offentlig) eller organisationerne på dens whitelist (Whitelist).</translation>
    </message>
    <message>
        <source>No privileges match “%1”</source>
        <translation>Ingen rettigheder passer til “%1”</translation>
    </message>
    <message>
        <source>The filter looks in the names and descriptions of the privileges.</source>
        <translation>Filteret søger i rettighedernes navne og beskrivelser.</translation>
    </message>
    <message>
        <source>Delete the privilege “%1”?</source>
        <translation>Vil du slette rettigheden “%1”?</translation>
    </message>
    <message>
        <source>1 assignment will be removed:</source>
        <translation>1 tildeling bliver fjernet:</translation>
    </message>
    <message>
        <source>%1 assignments will be removed:</source>
        <translation>%1 tildelinger bliver fjernet:</translation>
    </message>
    <message>
        <source>It has no assignments.</source>
        <translation>Den har ingen tildelinger.</translation>
    </message>
    <message>
        <source>This cannot be undone.</source>
        <translation>Det kan ikke fortrydes.</translation>
    </message>
    <message>
        <source>Delete privilege</source>
        <translation>Slet rettighed</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Slet</translation>
    </message>
    <message>
        <source>&amp;New privilege</source>
        <translation>&amp;Ny rettighed</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>R&amp;ediger</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Slet</translation>
    </message>
    <message>
        <source>&amp;Whitelist</source>
        <translation>&amp;Whitelist</translation>
    </message>
    <message>
        <source>Re&amp;load</source>
        <translation>&amp;Genindlæs</translation>
    </message>
    <message>
        <source>Create a privilege</source>
        <translation>Opret en rettighed</translation>
    </message>
    <message>
        <source>Edit the descriptions and assignability of the selected privilege</source>
        <translation>Rediger beskrivelserne og tildelbarheden af den valgte rettighed</translation>
    </message>
    <message>
        <source>Delete the selected privilege and its assignments</source>
        <translation>Slet den valgte rettighed og dens tildelinger</translation>
    </message>
    <message>
        <source>Edit the organizations that may assign the selected privilege</source>
        <translation>Rediger de organisationer, der må tildele den valgte rettighed</translation>
    </message>
    <message>
        <source>Load the privileges again from the server</source>
        <translation>Hent rettighederne igen fra serveren</translation>
    </message>
    <message>
        <source>New privilege…</source>
        <translation>Ny rettighed …</translation>
    </message>
    <message>
        <source>&amp;Filter:</source>
        <translation>&amp;Filtrer:</translation>
    </message>
    <message>
        <source>Name or description</source>
        <translation>Navn eller beskrivelse</translation>
    </message>
    <message>
        <source>You need the PrivilegeAdministrator role in %1 to see and change its privileges.</source>
        <translation>Du skal have rollen PrivilegeAdministrator i %1 for at se og ændre dens rettigheder.</translation>
    </message>
</context>
<context>
    <name>ConflictView</name>
    <message>
        <source>Someone else changed this privilege</source>
        <translation>En anden har ændret denne rettighed</translation>
    </message>
    <message>
        <source>The privilege was changed by someone else after you opened it. Their version is on the right, yours on the left. Nothing has been saved yet.</source>
        <translation>Rettigheden blev ændret af en anden, efter du åbnede den. Deres version står til højre, din til venstre. Intet er gemt endnu.</translation>
    </message>
    <message>
        <source>Your version</source>
        <translation>Din version</translation>
    </message>
    <message>
        <source>Their version (saved)</source>
        <translation>Deres version (gemt)</translation>
    </message>
    <message>
        <source>Danish description</source>
        <translation>Dansk beskrivelse</translation>
    </message>
    <message>
        <source>English description</source>
        <translation>Engelsk beskrivelse</translation>
    </message>
    <message>
        <source>Assignability</source>
        <translation>Tildelbarhed</translation>
    </message>
    <message>
        <source>Use mine</source>
        <translation>Brug min version</translation>
    </message>
    <message>
        <source>Use theirs</source>
        <translation>Brug deres version</translation>
    </message>
    <message>
        <source>&amp;Keep mine and overwrite</source>
        <translation>&amp;Behold min version og overskriv</translation>
    </message>
    <message>
        <source>&amp;Take theirs</source>
        <translation>T&amp;ag deres version</translation>
    </message>
    <message>
        <source>&amp;Merge chosen fields</source>
        <translation>&amp;Flet de valgte felter</translation>
    </message>
</context>
<context>
    <name>PrivilegeEditor</name>
    <message>
        <source>Change the assignability of “%1” from %2 to %3?</source>
        <translation>Vil du ændre tildelbarheden af “%1” fra %2 til %3?</translation>
    </message>
    <message>
        <source>Change assignability</source>
        <translation>Ændr tildelbarhed</translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation>Server: %1</translation>
    </message>
    <message>
        <source>The server rejected the privilege: %1</source>
        <translation>Serveren afviste rettigheden: %1</translation>
    </message>
    <message>
        <source>New privilege</source>
        <translation>Ny rettighed</translation>
    </message>
    <message>
        <source>Edit privilege</source>
        <translation>Rediger rettighed</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Navn:</translation>
    </message>
    <message>
        <source>Id:</source>
        <translation>Id:</translation>
    </message>
    <message>
        <source>Owner:</source>
        <translation>Ejer:</translation>
    </message>
    <message>
        <source>The name, id and owner of a privilege cannot change after it is created. To use another name, create a new privilege.</source>
        <translation>En rettigheds navn, id og ejer kan ikke ændres, efter den er oprettet. Opret en ny rettighed for at bruge et andet navn.</translation>
    </message>
    <message>
        <source>1 to %1 characters</source>
        <translation>1 til %1 tegn</translation>
    </message>
    <message>
        <source>&amp;Danish description:</source>
        <translation>&amp;Dansk beskrivelse:</translation>
    </message>
    <message>
        <source>&amp;English description:</source>
        <translation>&amp;Engelsk beskrivelse:</translation>
    </message>
    <message>
        <source>&amp;Assignability:</source>
        <translation>&amp;Tildelbarhed:</translation>
    </message>
    <message>
        <source>Private: only your organization may assign it. Public: any organization may. Whitelist: your organization and the organizations on its whitelist.</source>
        <translation>Privat: kun din organisation må tildele den. Offentlig: alle organisationer må. Whitelist: din organisation og organisationerne på dens whitelist.</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Gem</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuller</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <source>Retry</source>
        <translation>Prøv igen</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>Arbejder …</translation>
    </message>
    <message>
        <source>Waiting for the server</source>
        <translation>Venter på serveren</translation>
    </message>
</context>
<context>
    <name>WhitelistEditor</name>
    <message>
        <source>Remove %1 from the whitelist of “%2”?</source>
        <translation>Vil du fjerne %1 fra whitelisten for “%2”?</translation>
    </message>
    <message>
        <source>Remove from whitelist</source>
        <translation>Fjern fra whitelist</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Fjern</translation>
    </message>
    <message>
        <source>Whitelist of “%1”</source>
        <translation>Whitelist for “%1”</translation>
    </message>
    <message>
        <source>Organizations on the whitelist may assign this privilege.</source>
        <translation>Organisationer på whitelisten må tildele denne rettighed.</translation>
    </message>
    <message>
        <source>The privilege is %1: the whitelist only takes effect while its assignability is Whitelist.</source>
        <translation>Rettigheden er %1. Whitelisten gælder kun, mens tildelbarheden er Whitelist.</translation>
    </message>
    <message>
        <source>&amp;Whitelisted organizations:</source>
        <translation>Organisationer på &amp;whitelisten:</translation>
    </message>
    <message>
        <source>&amp;Find organization by name or CVR number:</source>
        <translation>&amp;Søg organisation efter navn eller CVR-nummer:</translation>
    </message>
    <message>
        <source>Name, CVR number or TIN (DK + CVR number), e.g. DK12345678</source>
        <translation>Navn, CVR-nummer eller DK + CVR-nummer, f.eks. DK12345678</translation>
    </message>
    <message>
        <source>&amp;Add to whitelist</source>
        <translation>&amp;Tilføj til whitelist</translation>
    </message>
    <message>
        <source>&amp;Remove from whitelist</source>
        <translation>&amp;Fjern fra whitelist</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Luk</translation>
    </message>
</context>
</TS>
