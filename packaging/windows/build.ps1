<#
.SYNOPSIS
  Builds ForensicLog for Windows: a virtualenv, the PyInstaller bundle from
  packaging\forensiclog.spec, the smoke test on the built program, and the Inno Setup installer
  dist\forensiclog-<version>-windows-x64-setup.exe (per user, no administrator rights).

.DESCRIPTION
  Run from any folder on 64-bit Windows 10 1809 or newer with Python 3.11+ (python.org
  installer, "py" launcher) and Inno Setup 6 installed. Steps and prerequisites:
  docs\packaging.md.

.EXAMPLE
  powershell -ExecutionPolicy Bypass -File packaging\windows\build.ps1
  powershell -ExecutionPolicy Bypass -File packaging\windows\build.ps1 -SkipSmoke -SkipInstaller
#>
param(
    [string]$PythonVersion = "3.11",
    [switch]$SkipSmoke,
    [switch]$SkipInstaller
)

$ErrorActionPreference = "Stop"
Set-StrictMode -Version Latest
$root = Resolve-Path (Join-Path $PSScriptRoot "..\..")
Set-Location $root

function Invoke-Step([string]$What, [scriptblock]$Command) {
    Write-Host "build: $What"
    & $Command
    if ($LASTEXITCODE -ne 0) { throw "build: $What failed (exit $LASTEXITCODE)" }
}

function Find-InnoSetup {
    $candidates = @(
        (Get-Command ISCC.exe -ErrorAction SilentlyContinue | ForEach-Object { $_.Source }),
        (Join-Path ${env:ProgramFiles(x86)} "Inno Setup 6\ISCC.exe"),
        (Join-Path $env:ProgramFiles "Inno Setup 6\ISCC.exe"),
        (Join-Path $env:LOCALAPPDATA "Programs\Inno Setup 6\ISCC.exe")
    )
    foreach ($candidate in $candidates) {
        if ($candidate -and (Test-Path $candidate)) { return $candidate }
    }
    throw "build: Inno Setup 6 (ISCC.exe) not found; install it from jrsoftware.org or pass -SkipInstaller"
}

# A virtualenv of its own, so a Linux .venv in a shared folder is never touched.
$venv = Join-Path $root ".venv-windows"
$python = Join-Path $venv "Scripts\python.exe"
if (-not (Test-Path $python)) {
    Invoke-Step "virtualenv (Python $PythonVersion)" { py "-$PythonVersion" -m venv $venv }
}
Invoke-Step "pip" { & $python -m pip install --quiet --upgrade pip }
Invoke-Step "dependencies (requirements.lock) and PyInstaller" {
    & $python -m pip install --quiet -c packaging\requirements.lock -e . -r packaging\requirements-build.txt
}

$version = (& $python -c "import tomllib; print(tomllib.load(open('pyproject.toml', 'rb'))['project']['version'])").Trim()
Write-Host "build: ForensicLog $version"

# Our translation catalogues are compiled here: the .qm files are not kept in git.
$lrelease = Join-Path $venv "Scripts\pyside6-lrelease.exe"
foreach ($ts in @(Get-ChildItem resources\translations\*.ts -ErrorAction SilentlyContinue)) {
    $source = $ts.FullName
    $qm = [System.IO.Path]::ChangeExtension($source, ".qm")
    Invoke-Step "translation $($ts.Name)" { & $lrelease -silent $source -qm $qm }
}

$started = Get-Date
Invoke-Step "PyInstaller bundle" {
    & $python -m PyInstaller --noconfirm --clean --log-level WARN `
        --distpath dist --workpath build\pyinstaller packaging\forensiclog.spec
}
$bundle = Join-Path $root "dist\forensiclog"
$bytes = (Get-ChildItem $bundle -Recurse -File | Measure-Object -Property Length -Sum).Sum
Write-Host ("build: {0} is {1:N1} MB unpacked, built in {2:N0} s" -f $bundle, ($bytes / 1e6), ((Get-Date) - $started).TotalSeconds)

if (-not $SkipSmoke) {
    Invoke-Step "smoke test of the built program" {
        & $python packaging\smoke.py (Join-Path $bundle "forensiclog-cli.exe")
    }
}

if (-not $SkipInstaller) {
    $icon = Join-Path $root "build\forensiclog.ico"
    Invoke-Step "installer icon" {
        & $python -c "from PIL import Image; Image.open('resources/icons/forensiclog.png').save(r'$icon', sizes=[(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)])"
    }
    $iscc = Find-InnoSetup
    Invoke-Step "Inno Setup installer" {
        & $iscc /Q "/DAppVersion=$version" "/DIconFile=$icon" "/DSourceDir=$bundle" "/DOutputDir=$(Join-Path $root 'dist')" packaging\windows\forensiclog.iss
    }
    $setup = Join-Path $root "dist\forensiclog-$version-windows-x64-setup.exe"
    Write-Host ("build: {0} ({1:N1} MB)" -f $setup, ((Get-Item $setup).Length / 1e6))
}
