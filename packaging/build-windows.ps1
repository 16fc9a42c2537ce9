# Build the Windows app and prove that it runs (not run by this project's CI, which is Linux):
#
#     powershell -ExecutionPolicy Bypass -File packaging\build-windows.ps1
#
# Needs uv. Result: dist\Facilitator\facilitator.exe (a folder to ship whole) and
# dist\Facilitator-<version>-windows-x64.zip. Unsigned: see "Signing" in packaging\README.md.
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..")

function Invoke-Checked {
    & $args[0] $args[1..($args.Count - 1)]
    if ($LASTEXITCODE -ne 0) { throw "$($args -join ' ') failed with exit code $LASTEXITCODE" }
}

$env:UV_PROJECT_ENVIRONMENT = Join-Path (Get-Location) "build\venv"
$env:PYTHONHASHSEED = "0"
$python = if ($env:UV_PYTHON) { $env:UV_PYTHON } else { "3.11" }
Invoke-Checked uv sync --quiet --python $python --no-dev --group packaging

if (Test-Path packaging\translations.py) {
    Invoke-Checked uv run --no-sync python packaging\translations.py release
}

$version = (uv run --no-sync python -c "import tomllib; print(tomllib.load(open('pyproject.toml', 'rb'))['project']['version'])").Trim()
Remove-Item -Recurse -Force build\pyinstaller, dist\Facilitator -ErrorAction SilentlyContinue
Invoke-Checked uv run --no-sync pyinstaller --noconfirm --clean --log-level WARN `
    --distpath dist --workpath build\pyinstaller packaging\facilitator.spec

# The app has no console window, so its lines go to a file; the exit code says pass or fail.
Write-Host "Self-test of the frozen app:"
$env:QT_QPA_PLATFORM = "offscreen"
$report = "build\self-test.txt"
$test = Start-Process -FilePath dist\Facilitator\facilitator.exe -ArgumentList "--self-test" `
    -RedirectStandardOutput $report -NoNewWindow -Wait -PassThru
Remove-Item Env:\QT_QPA_PLATFORM
Get-Content $report
if ($test.ExitCode -ne 0) { throw "self-test failed with exit code $($test.ExitCode)" }

$archive = "dist\Facilitator-$version-windows-x64.zip"
Compress-Archive -Path dist\Facilitator -DestinationPath $archive -Force
$size = "{0:N0} MB" -f ((Get-ChildItem dist\Facilitator -Recurse | Measure-Object Length -Sum).Sum / 1MB)
Write-Host "Facilitator $version`: dist\Facilitator ($size), $archive"
