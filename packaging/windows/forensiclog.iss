; Inno Setup 6 script: ForensicLog for one Windows user, without administrator rights.
; Built by packaging\windows\build.ps1 after PyInstaller, which passes the version read from
; pyproject.toml and the icon it converted:
;   ISCC.exe /DAppVersion=0.1.0 /DIconFile=..\..\build\forensiclog.ico packaging\windows\forensiclog.iss
; Uninstalling removes the program only: workspaces, settings and logs stay with the user.

#ifndef AppVersion
  #error Pass the version: ISCC /DAppVersion=X.Y.Z (build.ps1 reads it from pyproject.toml)
#endif
#ifndef SourceDir
  #define SourceDir "..\..\dist\forensiclog"
#endif
#ifndef OutputDir
  #define OutputDir "..\..\dist"
#endif
#define AppName "ForensicLog"
#define AppExe "forensiclog.exe"

[Setup]
; The AppId ties upgrades and the uninstaller to this application: never change it.
AppId={{B81C3F87-347B-4C06-BB43-41A6351EAF07}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppName}
VersionInfoVersion={#AppVersion}
; Per-user: {autopf} is %LOCALAPPDATA%\Programs when no administrator rights are asked for.
PrivilegesRequired=lowest
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
; Qt 6 needs 64-bit Windows 10 1809 or newer.
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0.17763
OutputDir={#OutputDir}
OutputBaseFilename=forensiclog-{#AppVersion}-windows-x64-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
#ifdef IconFile
SetupIconFile={#IconFile}
#endif
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName} {#AppVersion}
; An upgrade closes a running ForensicLog first, so no library is in use while it is replaced.
CloseApplications=yes
RestartApplications=no
ChangesAssociations=yes

[Languages]
Name: "uk"; MessagesFile: "compiler:Languages\Ukrainian.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; The bundle of the previous version goes first: a library it had and this one has not must
; not stay behind and be loaded.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{userdocs}"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{userdesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{userdocs}"; Tasks: desktopicon

[Registry]
; Sealed case files (.fcase) open read-only in ForensicLog on a double click (current user only).
Root: HKA; Subkey: "Software\Classes\.fcase"; ValueType: string; ValueName: ""; ValueData: "ForensicLog.CaseFile"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\ForensicLog.CaseFile"; ValueType: string; ValueName: ""; ValueData: "ForensicLog sealed case file"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\ForensicLog.CaseFile\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"
Root: HKA; Subkey: "Software\Classes\ForensicLog.CaseFile\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" open ""%1"""

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
