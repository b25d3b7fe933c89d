#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# The Gallery package built by ./build.ps1 -Task Package: installed into a clean module path, imported by name, used.

BeforeDiscovery {
    $package = if ($env:VEO_PACKAGE) { $env:VEO_PACKAGE } else {
        Get-ChildItem (Join-Path $PSScriptRoot '../../out/Veo.*.nupkg') -ErrorAction SilentlyContinue | Select-Object -Last 1 -ExpandProperty FullName
    }
}

Describe 'The PowerShell Gallery package' -Skip:(-not $package) {
    BeforeAll {
        $package = if ($env:VEO_PACKAGE) { $env:VEO_PACKAGE } else {
            Get-ChildItem (Join-Path $PSScriptRoot '../../out/Veo.*.nupkg') | Select-Object -Last 1 -ExpandProperty FullName
        }
        Add-Type -AssemblyName System.IO.Compression.FileSystem
        $zip = [IO.Compression.ZipFile]::OpenRead($package)
        try {
            $entries = $zip.Entries.FullName
            $reader = [IO.StreamReader]::new($zip.GetEntry('Veo.nuspec').Open())
            [xml] $nuspec = $reader.ReadToEnd()
            $reader.Dispose()
        }
        finally { $zip.Dispose() }
        $metadata = $nuspec.package.metadata
        . (Join-Path $PSScriptRoot 'ChildPowerShell.ps1')

        # Install the way a user does: Install-PSResource from a repository (a local folder holding the nupkg), in a
        # child pwsh with a fresh home folder, so its repositories and CurrentUser module path start empty.
        $repository = New-Item (Join-Path $TestDrive 'repository') -ItemType Directory
        Copy-Item $package $repository
        $userHome = New-Item (Join-Path $TestDrive 'home') -ItemType Directory
        $modules = Join-Path $userHome '.local/share/powershell/Modules'
        $savedHome = $env:HOME, $env:XDG_DATA_HOME
        $env:HOME = $userHome
        $env:XDG_DATA_HOME = $null
        try {
            $install = Invoke-ChildPowerShell @"
`$ErrorActionPreference = 'Stop'
Register-PSResourceRepository -Name VeoTestRepository -Uri '$repository' -Trusted
Install-PSResource -Name Veo -Repository VeoTestRepository -Scope CurrentUser -TrustRepository -Quiet
(Get-InstalledPSResource -Name Veo).InstalledLocation
"@ 2>&1
        }
        finally { $env:HOME, $env:XDG_DATA_HOME = $savedHome }
    }

    It 'carries the Gallery metadata' {
        $metadata.id | Should -Be 'Veo'
        $metadata.version | Should -Be (Import-PowerShellDataFile (Join-Path $PSScriptRoot '../../Veo.psd1')).ModuleVersion
        $metadata.description | Should -Not -BeNullOrEmpty
        $metadata.projectUrl | Should -Match '^https://'
        $metadata.licenseUrl | Should -Match '^https://'
        $metadata.releaseNotes | Should -Match 'HighwayAPI'
        $metadata.tags -split ' ' | Should -Contain 'PSModule'
        $metadata.tags -split ' ' | Should -Contain 'PSEdition_Core'
        foreach ($provider in 'HighwayAPI', 'AIHubMax', 'Vtrix', 'Google') { $metadata.tags -split ' ' | Should -Contain $provider }
    }

    It 'holds the module, its help and its dependencies, and not the PowerShellStandard stub' {
        $entries | Should -Contain 'Veo.psd1'
        $entries | Should -Contain 'Veo.PowerShell.dll'
        $entries | Should -Contain 'en-US/Veo.PowerShell.dll-Help.xml'
        $entries | Should -Contain 'dependencies/Polly.Core.dll'
        $entries | Where-Object { $_ -like '*System.Management.Automation.dll' } | Should -BeNullOrEmpty
    }

    It 'has a manifest fit for the Gallery' {
        $installed = Join-Path $modules "Veo/$($metadata.version)/Veo.psd1"
        $manifest = Import-PowerShellDataFile $installed
        $manifest.CmdletsToExport | Should -Not -Contain '*'
        $manifest.FunctionsToExport.Count | Should -Be 0
        $manifest.CompatiblePSEditions | Should -Be 'Core'
        $manifest.PowerShellVersion | Should -Not -BeNullOrEmpty
        (Test-ModuleManifest $installed).ExportedCmdlets.Count | Should -Be $manifest.CmdletsToExport.Count
    }

    It 'installs with Install-PSResource into a clean user module path' {
        $install | Select-Object -Last 1 | Should -BeLike "$modules*" -Because ($install -join "`n")
        Join-Path $modules "Veo/$($metadata.version)/Veo.psd1" | Should -Exist
    }

    It 'imports by name in a fresh pwsh and runs New | Wait | Save against the simulator' {
        . (Join-Path $PSScriptRoot 'Simulator.ps1')
        $simulator = Start-VeoSimulator
        try {
            $image = Join-Path $PSScriptRoot '../Assets/first-frame.png'
            $out = Join-Path $TestDrive 'videos'
            $output = Invoke-ChildPowerShell @"
`$ErrorActionPreference = 'Stop'
`$env:PSModulePath = '$modules' + [IO.Path]::PathSeparator + (Join-Path `$PSHOME 'Modules')
`$env:VEO_HOME = '$(Join-Path $TestDrive 'ledger')'
Import-Module Veo
(Get-Module Veo).ModuleBase
`$file = New-VeoFrameVideo -Prompt 'package fox' -Image '$image' -Provider HighwayApi -BaseUri '$($simulator.BaseUri)' -ApiKey '$($simulator.ApiKey)' |
    Wait-VeoTask | Save-VeoVideo -Path '$out'
`$file.FullName
"@ 2>&1
        }
        finally { Stop-VeoSimulator $simulator }
        $output[0] | Should -BeLike "$modules*" -Because ($output -join "`n")
        $saved = $output | Select-Object -Last 1
        $saved | Should -BeLike "$out*"
        [Text.Encoding]::ASCII.GetString([IO.File]::ReadAllBytes($saved), 4, 4) | Should -Be 'ftyp'
    }
}
