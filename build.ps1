#Requires -Version 7.4
<#
.SYNOPSIS
    Builds, tests and demonstrates the Veo module.
.DESCRIPTION
    Build  (default) compiles the module into out/Veo/<version>/ (manifest, DLLs, format file).
    Test   builds, then runs the xunit suite (dotnet test) and the Pester suite against the built module, and ends
           with the line "N passed, N failed" over both.
    Pester builds, then runs only the Pester suite.
    Demo   builds, starts the provider simulator and runs New-VeoFrameVideo | Wait-VeoTask | Save-VeoVideo against it.
    Simulator builds, then runs the provider simulator until Ctrl+C and prints the lines to paste into pwsh to use it.
    Docs   builds, then regenerates the README's model tables from Get-VeoModel.
    Package builds, then publishes the module with Publish-PSResource into out/package/, a local folder repository:
           out/package/Veo.<version>.nupkg is the package the PowerShell Gallery takes.
    Bench  builds the module and simulator, runs the benchmark (tests/Veo.Benchmarks: the C# harness in Release, then
           Bench.ps1) and writes docs/performance.md. Takes a few minutes; needs curl.
    Needs only PowerShell 7.4+ and the .NET SDK. The tests use an installed Pester 5.7+, or restore Pester from
    NuGet (a package restore like any other) when there is none; nothing else is downloaded.
.EXAMPLE
    ./build.ps1 -Task Demo
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Pester', 'Demo', 'Simulator', 'Docs', 'Package', 'Bench')]
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
    # Publish-PSResource (PSResourceGet, which ships with pwsh) into a local folder repository: the nupkg the Gallery
    # would get, made the way the Gallery's own tooling makes it. The repository is registered only for this call.
    $feed = Join-Path $root 'out/package'
    if (Test-Path $feed) { Remove-Item $feed -Recurse -Force }
    $null = New-Item $feed -ItemType Directory
    $repository = "VeoBuild-$([guid]::NewGuid().ToString('N'))"
    Register-PSResourceRepository -Name $repository -Uri $feed -Trusted
    try { Publish-PSResource -Path $moduleFolder -Repository $repository }
    finally { Unregister-PSResourceRepository -Name $repository }
    $package = Join-Path $feed "Veo.$version.nupkg"
    if (-not (Test-Path $package)) { throw "Publish-PSResource did not write $package." }
    Write-Host "Packed $package"
    $package
}

function Build-Simulator {
    # dotnet build prints MSBuild's summary even when quiet: show its output only when the build fails.
    $output = & dotnet build (Join-Path $root 'tests/Veo.Simulator/Veo.Simulator.csproj') -c $Configuration -o $simulatorFolder --nologo -v quiet 2>&1
    if ($LASTEXITCODE -ne 0) {
        $output | Write-Host
        throw "Building the simulator failed with exit code $LASTEXITCODE."
    }
}

function Import-Pester {
    # An installed Pester 5.7+ serves (offline build hosts bring their own); otherwise the package is restored from
    # NuGet into out/packages like any other (tests/Pester/PesterModule.csproj names it, the version is in
    # Directory.Packages.props).
    $minimum = [version]'5.7'
    $installed = Get-Module -ListAvailable Pester | Where-Object Version -GE $minimum | Sort-Object Version -Descending | Select-Object -First 1
    $pester = if ($installed) { $installed.Path } else {
        $packages = Join-Path $root 'out/packages'
        Invoke-DotNet restore (Join-Path $root 'tests/Pester/PesterModule.csproj') --packages $packages --nologo -v quiet
        $restored = Get-ChildItem (Join-Path $packages 'pester/*/tools/Pester.psd1') | Select-Object -Last 1
        if (-not $restored) { throw "Restoring Pester from NuGet left no module under $packages." }
        $restored.FullName
    }
    Get-Module Pester | Where-Object Version -LT $minimum | Remove-Module
    Import-Module $pester -ErrorAction Stop
    Write-Host "Pester $((Get-Module Pester).Version) from $((Get-Module Pester).ModuleBase)"
}

function Invoke-XunitSuite {
    # Returns the passed and failed counts of the xunit run, read from its trx files.
    $results = Join-Path $root 'out/test-results/xunit'
    if (Test-Path $results) { Remove-Item $results -Recurse -Force }
    & dotnet test (Join-Path $root 'Veo.sln') -c $Configuration --nologo --logger 'trx;LogFilePrefix=xunit' --results-directory $results | Out-Host
    $exitCode = $LASTEXITCODE
    $passed = 0
    $failed = 0
    $failedTests = [Collections.Generic.List[string]]::new()
    foreach ($trx in Get-ChildItem $results -Filter '*.trx' -ErrorAction SilentlyContinue) {
        $run = ([xml] (Get-Content $trx.FullName -Raw)).TestRun
        $passed += [int] $run.ResultSummary.Counters.passed
        $failed += [int] $run.ResultSummary.Counters.failed
        foreach ($result in $run.Results.UnitTestResult | Where-Object outcome -EQ 'Failed') {
            $failedTests.Add("$($result.testName): $(($result.Output.ErrorInfo.Message -split "`n")[0])")
        }
    }
    # A run that failed without a failing test (a build error, a crashed host) still counts as a failure.
    if ($exitCode -ne 0 -and $failed -eq 0) { $failed = 1 }
    Write-Host "xunit: $passed passed, $failed failed"
    [pscustomobject]@{ Passed = $passed; Failed = $failed; FailedTests = $failedTests.ToArray() }
}

function Invoke-PesterSuite {
    Import-Pester
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
    try { $result = Invoke-Pester -Configuration $config }
    catch {
        # Pester itself failed (a test result it cannot write, say): the run counts as failed, visibly.
        Write-Host "Pester could not complete: $_"
        return [pscustomobject]@{ Passed = 0; Failed = 1; FailedTests = @("Pester could not complete: $_") }
    }
    # Containers that failed to run (a broken BeforeAll, a parse error) count as failures too.
    $failed = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount
    Write-Host "Pester: $($result.PassedCount) passed, $failed failed"
    $failedTests = @($result.Failed | ForEach-Object { "$($_.ExpandedPath): $(($_.ErrorRecord[0].Exception.Message -split "`n")[0])" }) +
        @($result.FailedBlocks | ForEach-Object { "$($_.ExpandedPath): the block failed" }) +
        @($result.FailedContainers | ForEach-Object { "$($_.Item): the file failed" })
    [pscustomobject]@{ Passed = $result.PassedCount; Failed = $failed; FailedTests = $failedTests }
}

function Write-TestSummary {
    # The plain closing line over every suite that ran; CI reads it.
    param([object[]] $Suites)
    $passed = ($Suites | Measure-Object Passed -Sum).Sum
    $failed = ($Suites | Measure-Object Failed -Sum).Sum
    if ($passed -eq 0) { $failed = [Math]::Max($failed, 1) }
    # The failures again, next to the closing line, so the tail of a long CI log names them.
    foreach ($suite in $Suites) { foreach ($test in $suite.FailedTests) { Write-Host "FAILED $test" } }
    Write-Host "$passed passed, $failed failed"
    if ($failed -gt 0) { throw 'The test suite failed.' }
}

function Start-SimulatorByHand {
    # Runs the simulator in this terminal until Ctrl+C, with tasks slow enough to watch, and says what to paste.
    . (Join-Path $root 'tests/Pester/Simulator.ps1')
    $simulator = Start-VeoSimulator -Path (Join-Path $simulatorFolder 'Veo.Simulator.dll') -ProcessingMilliseconds 20000
    try {
        Write-Host @"
The provider simulator is listening on $($simulator.BaseUri) (HighwayApi, JieKou, AIHubMax, Vtrix and Google), API key '$($simulator.ApiKey)'.
Tasks take 20 seconds. In a prompt, [sim:fail] makes a task fail and [sim:seconds=N] makes it take N seconds.
Paste this into another pwsh (the scratch VEO_HOME keeps these tasks out of your own task ledger):

    `$env:VEO_HOME = Join-Path ([IO.Path]::GetTempPath()) 'veo-simulator'
    Import-Module '$(Join-Path $moduleFolder 'Veo.psd1')'
    Connect-Veo -Provider HighwayApi -BaseUri $($simulator.BaseUri) -ApiKey $($simulator.ApiKey)
    New-VeoTextVideo -Prompt 'A lighthouse in a storm' | Wait-VeoTask | Save-VeoVideo

Press Ctrl+C here to stop the simulator.
"@
        while (-not $simulator.Process.WaitForExit(500)) { }
    }
    finally {
        if (-not $simulator.Process.HasExited) { Stop-VeoSimulator $simulator }
    }
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
        Write-Host "Next: ./build.ps1 -Task Simulator starts the simulator for you to try the cmdlets by hand (README: Try it without a key)."
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
            $xunit = Invoke-XunitSuite
            Write-TestSummary @($xunit, (Invoke-PesterSuite))
        }
        'Pester' {
            Build-Simulator
            Write-TestSummary @(Invoke-PesterSuite)
        }
        'Demo' {
            Build-Simulator
            Invoke-Demo
        }
        'Simulator' {
            Build-Simulator
            Start-SimulatorByHand
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
