# Starts a child PowerShell the way the current one runs: as its own executable (an OS package, an install), or as
# `dotnet …/pwsh.dll` (a .NET tool, global or local), where the process itself is dotnet.

function Get-ChildPowerShell {
    # The program, then the arguments that come before pwsh's own.
    $program = [Environment]::ProcessPath
    $prefix = if ([IO.Path]::GetFileNameWithoutExtension($program) -eq 'dotnet') { @(Join-Path $PSHOME 'pwsh.dll') } else { @() }
    [pscustomobject]@{ Program = $program; Prefix = [string[]] $prefix }
}

function Invoke-ChildPowerShell {
    param([Parameter(Mandatory)] [string] $Command)
    $child = Get-ChildPowerShell
    # Plain text: colour codes in a child's errors would end up in test messages (and the NUnit report refuses them).
    & $child.Program @($child.Prefix) -NoProfile -NonInteractive -Command "`$PSStyle.OutputRendering = 'PlainText'; $Command"
}
