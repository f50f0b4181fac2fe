; Inno Setup 6 script of the privadmin Windows installer.
;
; Build the app first (one folder, in dist\privadmin):
;   py -3.11 -m pip install -e ".[build]"
;   pyinstaller build.spec
; then compile from the repository root:
;   iscc /DAppVersion=0.1.0 packaging\windows\privadmin.iss
; The installer lands in dist\installer\privadmin-setup-<version>.exe.
;
; It installs per user without administrator rights ({localappdata}\Programs\privadmin).
; IT can install for all users with /ALLUSERS from an elevated deployment tool.
; Silent install:   privadmin-setup-0.1.0.exe /VERYSILENT /SUPPRESSMSGBOXES /NORESTART
; Silent uninstall: "%LOCALAPPDATA%\Programs\privadmin\unins000.exe" /VERYSILENT /SUPPRESSMSGBOXES

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#ifndef SourceDir
  #define SourceDir "..\..\dist\privadmin"
#endif

[Setup]
; Keep this AppId for every release, so upgrades replace the installed version.
AppId={{6F0C3E5A-1D2B-4B7E-9B4A-3C5E2F8D7A10}
AppName=privadmin
AppVersion={#AppVersion}
AppPublisher=privadmin
DefaultDirName={autopf}\privadmin
DefaultGroupName=privadmin
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=commandline dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist\installer
OutputBaseFilename=privadmin-setup-{#AppVersion}
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
UninstallDisplayIcon={app}\privadmin.exe
; Sign the installer and uninstaller when a signing tool named "signtool" is configured in
; the Inno Setup IDE or with iscc /S"signtool=..." (see docs/deployment.md).
#ifdef SignTool
SignTool=signtool
SignedUninstaller=yes
#endif

[Languages]
Name: "danish"; MessagesFile: "compiler:Languages\Danish.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\privadmin"; Filename: "{app}\privadmin.exe"
Name: "{autoprograms}\privadmin (demo)"; Filename: "{app}\privadmin.exe"; Parameters: "--demo"; Check: IsDemoBuild

[Run]
Filename: "{app}\privadmin.exe"; Description: "{cm:LaunchProgram,privadmin}"; Flags: nowait postinstall skipifsilent

[Code]
function IsDemoBuild: Boolean;
begin
  { The demo build contains privserver; the production build does not. }
  Result := DirExists(ExpandConstant('{app}\_internal\privserver'));
end;
