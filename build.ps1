#Requires -Version 7.4
<#
.SYNOPSIS
    Builds, tests and demonstrates the Veo module.
.DESCRIPTION
    Build  (default) compiles the module into out/Veo/<version>/ (manifest, DLLs, format file).
    Test   builds, then runs the xunit suite (dotnet test) and the Pester suite against the built module.
    Pester builds, then runs only the Pester suite (CI runs xunit on its own).
    Demo   builds, starts the provider simulator and runs New-VeoFrameVideo | Wait-VeoTask | Save-VeoVideo against it.
    Docs   builds, then regenerates the README's model tables from Get-VeoModel.
    Package builds, then writes out/Veo.<version>.nupkg, the package the PowerShell Gallery takes.
    Bench  builds the module and simulator, runs the benchmark (tests/Veo.Benchmarks: the C# harness in Release, then
           Bench.ps1) and writes docs/performance.md. Takes a few minutes; needs curl.
    Needs only PowerShell 7.4+, the .NET SDK and, for the tests, Pester 5. It downloads nothing.
.EXAMPLE
    ./build.ps1 -Task Demo
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Pester', 'Demo', 'Docs', 'Package', 'Bench')]
    [string] $Task = 'Build',

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release'
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$root = $PSScriptRoot
$version = (Import-PowerShellDataFile (Join-Path $root 'Veo.psd1')).ModuleVersion
$moduleFolder = Join-Path $root "out/Veo/$version"
$simulatorFolder = Join-Path $root 'out/simulator'

function Invoke-DotNet {
    & dotnet @args
    if ($LASTEXITCODE -ne 0) { throw "dotnet $($args -join ' ') failed with exit code $LASTEXITCODE." }
}

function Get-ReleaseNote {
    # The newest entry of CHANGELOG.md: the lines under the first '## ' heading.
    $lines = Get-Content (Join-Path $root 'CHANGELOG.md')
    $start = [Array]::FindIndex($lines, [Predicate[string]] { param($l) $l.StartsWith('## ') })
    $end = [Array]::FindIndex($lines, $start + 1, [Predicate[string]] { param($l) $l.StartsWith('## ') })
    if ($end -lt 0) { $end = $lines.Count }
    ($lines[$start..($end - 1)] -join "`n").Trim()
}

function Build-Module {
    $publish = Join-Path $root 'out/publish'
    Invoke-DotNet publish (Join-Path $root 'src/Veo.PowerShell/Veo.PowerShell.csproj') -c $Configuration -o $publish "-p:Version=$version" --nologo -v quiet
    if (Test-Path $moduleFolder) { Remove-Item $moduleFolder -Recurse -Force }
    New-Item $moduleFolder -ItemType Directory | Out-Null
    # Veo's own assemblies and the format file at the top; every third-party DLL in dependencies/, which the module's
    # resolver loads in a context of its own (so another module's copy cannot clash with ours).
    $dependencies = New-Item (Join-Path $moduleFolder 'dependencies') -ItemType Directory
    Get-ChildItem $publish -File -Filter '*.ps1xml' | Copy-Item -Destination $moduleFolder
    Get-ChildItem $publish -File -Filter 'Veo.*.dll' | Copy-Item -Destination $moduleFolder
    Get-ChildItem $publish -File -Filter '*.dll' | Where-Object Name -NotLike 'Veo.*' | Copy-Item -Destination $dependencies
    if (Get-ChildItem $moduleFolder -Recurse -Filter 'System.Management.Automation.dll') {
        throw 'The PowerShellStandard.Library stub (System.Management.Automation.dll) must never ship in the module.'
    }

    $notes = (Get-ReleaseNote).Replace("'@", "' @")
    $manifest = (Get-Content (Join-Path $root 'Veo.psd1') -Raw).Replace("ReleaseNotes = ''", "ReleaseNotes = @'`n$notes`n'@")
    Set-Content (Join-Path $moduleFolder 'Veo.psd1') $manifest -NoNewline
    $null = Test-ModuleManifest (Join-Path $moduleFolder 'Veo.psd1')
    . (Join-Path $root 'docs/help/Build-VeoHelp.ps1')
    $null = Build-VeoHelp -ModuleFolder $moduleFolder
    Write-Host "Built Veo $version into $moduleFolder"
}

function New-VeoPackage {
    # The same layout Publish-PSResource produces: the module at the root, a nuspec, and the OPC parts.
    $manifest = Import-PowerShellDataFile (Join-Path $moduleFolder 'Veo.psd1')
    $data = $manifest.PrivateData.PSData
    $commands = $manifest.CmdletsToExport | ForEach-Object { "PSCmdlet_$_ PSCommand_$_" }
    $tags = @($data.Tags) + 'PSModule' + 'PSIncludes_Cmdlet' + $commands -join ' '
    $escape = { param($text) [Security.SecurityElement]::Escape($text) }
    $nuspec = @"
<?xml version="1.0" encoding="utf-8"?>
<package xmlns="http://schemas.microsoft.com/packaging/2011/08/nuspec.xsd">
  <metadata>
    <id>Veo</id>
    <version>$version</version>
    <authors>$(& $escape $manifest.Author)</authors>
    <owners>$(& $escape $manifest.CompanyName)</owners>
    <requireLicenseAcceptance>false</requireLicenseAcceptance>
    <licenseUrl>$($data.LicenseUri)</licenseUrl>
    <projectUrl>$($data.ProjectUri)</projectUrl>
    <description>$(& $escape $manifest.Description)</description>
    <releaseNotes>$(& $escape $data.ReleaseNotes)</releaseNotes>
    <copyright>$(& $escape $manifest.Copyright)</copyright>
    <tags>$tags</tags>
  </metadata>
</package>
"@
    $package = Join-Path $root "out/Veo.$version.nupkg"
    Remove-Item $package -ErrorAction SilentlyContinue
    Add-Type -AssemblyName System.IO.Compression, System.IO.Compression.FileSystem
    $zip = [IO.Compression.ZipFile]::Open($package, 'Create')
    try {
        $write = {
            param($name, $text)
            $writer = [IO.StreamWriter]::new($zip.CreateEntry($name).Open(), [Text.UTF8Encoding]::new($false))
            try { $writer.Write($text) } finally { $writer.Dispose() }
        }
        & $write 'Veo.nuspec' $nuspec
        & $write '[Content_Types].xml' '<?xml version="1.0" encoding="utf-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml" /><Default Extension="psmdcp" ContentType="application/vnd.openxmlformats-package.core-properties+xml" /><Default Extension="nuspec" ContentType="application/octet" /><Default Extension="dll" ContentType="application/octet" /><Default Extension="psd1" ContentType="application/octet" /><Default Extension="ps1xml" ContentType="application/octet" /><Default Extension="xml" ContentType="application/octet" /><Default Extension="txt" ContentType="application/octet" /></Types>'
        $properties = "package/services/metadata/core-properties/$([guid]::NewGuid().ToString('N')).psmdcp"
        & $write '_rels/.rels' "<?xml version=`"1.0`" encoding=`"utf-8`"?><Relationships xmlns=`"http://schemas.openxmlformats.org/package/2006/relationships`"><Relationship Type=`"http://schemas.microsoft.com/packaging/2010/07/manifest`" Target=`"/Veo.nuspec`" Id=`"R0`" /><Relationship Type=`"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties`" Target=`"/$properties`" Id=`"R1`" /></Relationships>"
        & $write $properties "<?xml version=`"1.0`" encoding=`"utf-8`"?><coreProperties xmlns:dc=`"http://purl.org/dc/elements/1.1/`" xmlns:dcterms=`"http://purl.org/dc/terms/`" xmlns=`"http://schemas.openxmlformats.org/package/2006/metadata/core-properties`"><dc:creator>$(& $escape $manifest.Author)</dc:creator><dc:description>$(& $escape $manifest.Description)</dc:description><dc:identifier>Veo</dc:identifier><version>$version</version><keywords>$tags</keywords></coreProperties>"
        Get-ChildItem $moduleFolder -Recurse -File | ForEach-Object {
            $entry = [IO.Path]::GetRelativePath($moduleFolder, $_.FullName).Replace('\', '/')
            $null = [IO.Compression.ZipFileExtensions]::CreateEntryFromFile($zip, $_.FullName, $entry)
        }
    }
    finally {
        $zip.Dispose()
    }
    Write-Host "Packed $package"
    $package
}

function Build-Simulator {
    Invoke-DotNet build (Join-Path $root 'tests/Veo.Simulator/Veo.Simulator.csproj') -c $Configuration -o $simulatorFolder --nologo -v quiet
}

function Invoke-PesterSuite {
    Import-Module Pester -MinimumVersion 5.0 -ErrorAction Stop
    $env:VEO_MODULE_MANIFEST = Join-Path $moduleFolder 'Veo.psd1'
    $env:VEO_SIMULATOR_DLL = Join-Path $simulatorFolder 'Veo.Simulator.dll'
    $env:VEO_PACKAGE = New-VeoPackage
    $config = New-PesterConfiguration
    $config.Run.Path = Join-Path $root 'tests/Pester'
    $config.Run.PassThru = $true
    $config.Output.Verbosity = 'Detailed'
    $config.TestResult.Enabled = $true
    $config.TestResult.OutputPath = Join-Path $root 'out/test-results/pester.xml'
    $config.TestResult.OutputFormat = 'NUnitXml'
    $result = Invoke-Pester -Configuration $config
    Write-Host "Pester: $($result.PassedCount) passed, $($result.FailedCount) failed"
    if ($result.FailedCount -gt 0 -or $result.PassedCount -eq 0) { throw 'The Pester suite failed.' }
}

function Invoke-Demo {
    . (Join-Path $root 'tests/Pester/Simulator.ps1')
    $simulator = Start-VeoSimulator -Path (Join-Path $simulatorFolder 'Veo.Simulator.dll')
    # The demo's tasks live on a simulator that stops with it: keep them out of the user's ledger.
    $savedVeoHome = $env:VEO_HOME
    $env:VEO_HOME = Join-Path $root 'out/demo/ledger'
    try {
        Import-Module (Join-Path $moduleFolder 'Veo.psd1') -Force
        $outFolder = Join-Path $root 'out/demo'
        $assets = Join-Path $root 'tests/Assets'
        Write-Host "Simulator listening on $($simulator.BaseUri)"
        $files = New-VeoFrameVideo -Prompt 'The sun glides across a clear evening sky' `
            -Image (Join-Path $assets 'first-frame.png') -LastImage (Join-Path $assets 'last-frame.png') `
            -Model Fast -DurationSeconds 4 -BaseUri $simulator.BaseUri -ApiKey $simulator.ApiKey |
            Wait-VeoTask |
            Save-VeoVideo -Path $outFolder -Force
        foreach ($file in $files) { Write-Host "Saved the demo video to $($file.FullName) ($($file.Length) bytes)" }
    }
    finally {
        Stop-VeoSimulator $simulator
        $env:VEO_HOME = $savedVeoHome
    }
}

Push-Location $root
try {
    Build-Module
    switch ($Task) {
        'Test' {
            Build-Simulator
            Invoke-DotNet test (Join-Path $root 'Veo.sln') -c $Configuration --nologo
            Invoke-PesterSuite
        }
        'Pester' {
            Build-Simulator
            Invoke-PesterSuite
        }
        'Demo' {
            Build-Simulator
            Invoke-Demo
        }
        'Bench' {
            Build-Simulator
            $benchFolder = Join-Path $root 'out/bench'
            $simulatorDll = Join-Path $simulatorFolder 'Veo.Simulator.dll'
            $clientResults = Join-Path $benchFolder 'client.md'
            Invoke-DotNet build (Join-Path $root 'tests/Veo.Benchmarks/Veo.Benchmarks.csproj') -c Release -o (Join-Path $benchFolder 'bin') --nologo -v quiet
            Invoke-DotNet (Join-Path $benchFolder 'bin/Veo.Benchmarks.dll') --simulator $simulatorDll --out $clientResults
            & (Join-Path $root 'tests/Veo.Benchmarks/Bench.ps1') -ModuleManifest (Join-Path $moduleFolder 'Veo.psd1') -SimulatorDll $simulatorDll `
                -ClientResults $clientResults -OutFile (Join-Path $root 'docs/performance.md')
        }
        'Package' {
            $null = New-VeoPackage
        }
        'Docs' {
            Import-Module (Join-Path $moduleFolder 'Veo.psd1') -Force
            . (Join-Path $root 'docs/ModelTable.ps1')
            Update-VeoReadmeModelTable -ReadmePath (Join-Path $root 'README.md')
            Write-Host 'Regenerated the model tables in README.md'
        }
    }
}
finally {
    Pop-Location
}
