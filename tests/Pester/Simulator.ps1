# Starts and stops the provider simulator (tests/Veo.Simulator) as a child process, for Pester and the demo.

function Start-VeoSimulator {
    param(
        [string] $Path = $env:VEO_SIMULATOR_DLL,
        [int] $QueuedMilliseconds = 100,
        [int] $ProcessingMilliseconds = 900,
        [string] $ApiKey = 'sim-key'
    )

    if (-not $Path -or -not (Test-Path $Path)) {
        throw "The simulator was not found at '$Path'. Build it first: ./build.ps1 -Task Test (or set `$env:VEO_SIMULATOR_DLL)."
    }

    $start = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
    foreach ($argument in @($Path, '--port', '0', '--queued-ms', $QueuedMilliseconds, '--processing-ms', $ProcessingMilliseconds, '--key', $ApiKey)) {
        $start.ArgumentList.Add([string]$argument)
    }
    $start.RedirectStandardInput = $true
    $start.RedirectStandardOutput = $true
    $start.UseShellExecute = $false
    $process = [System.Diagnostics.Process]::Start($start)
    $line = $process.StandardOutput.ReadLine()
    if ($line -notmatch '^Listening on (\S+)') {
        $process.Kill()
        throw "The simulator did not start: '$line'"
    }

    [pscustomobject]@{
        Process = $process
        BaseUri = [uri]$Matches[1]
        ApiKey  = $ApiKey
    }
}

function Stop-VeoSimulator {
    param([Parameter(Mandatory)] $Simulator)
    # Closing stdin asks the simulator to stop; kill it if it does not.
    $Simulator.Process.StandardInput.Close()
    if (-not $Simulator.Process.WaitForExit(5000)) { $Simulator.Process.Kill() }
    $Simulator.Process.Dispose()
}

function Invoke-VeoSimulatorControl {
    param(
        [Parameter(Mandatory)] $Simulator,
        [Parameter(Mandatory)] [string] $Path,
        [string] $Method = 'Get',
        [object] $Body
    )
    $uri = [uri]::new($Simulator.BaseUri, "_sim/$Path")
    if ($PSBoundParameters.ContainsKey('Body')) {
        Invoke-RestMethod -Uri $uri -Method $Method -Body ($Body | ConvertTo-Json -Depth 5) -ContentType 'application/json'
    }
    else {
        Invoke-RestMethod -Uri $uri -Method $Method
    }
}
