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
        $modules = Join-Path $TestDrive 'Modules'

        # Install the way the installer does: Install-PSResource from a local repository where it exists,
        # otherwise unpack into <path>/Veo/<version> without the packaging parts.
        if (Get-Command Install-PSResource -ErrorAction SilentlyContinue) {
            $repository = Join-Path $TestDrive 'repository'
            $null = New-Item $repository -ItemType Directory
            Copy-Item $package $repository
            Register-PSResourceRepository -Name VeoTestRepository -Uri $repository -Trusted
            try { Save-PSResource -Name Veo -Repository VeoTestRepository -Path $modules -TrustRepository }
            finally { Unregister-PSResourceRepository -Name VeoTestRepository }
        }
        else {
            $target = Join-Path $modules "Veo/$($metadata.version)"
            [IO.Compression.ZipFile]::ExtractToDirectory($package, $target)
            Remove-Item -LiteralPath (Join-Path $target 'Veo.nuspec'), (Join-Path $target '[Content_Types].xml'), (Join-Path $target '_rels'), (Join-Path $target 'package') -Recurse -Force
        }
    }

    It 'carries the Gallery metadata' {
        $metadata.id | Should -Be 'Veo'
        $metadata.version | Should -Be (Import-PowerShellDataFile (Join-Path $PSScriptRoot '../../Veo.psd1')).ModuleVersion
        $metadata.description | Should -Not -BeNullOrEmpty
        $metadata.projectUrl | Should -Match '^https://'
        $metadata.licenseUrl | Should -Match '^https://'
        $metadata.releaseNotes | Should -Match 'HighwayAPI'
        $metadata.tags -split ' ' | Should -Contain 'PSModule'
        $metadata.tags -split ' ' | Should -Contain 'PSCmdlet_New-VeoFrameVideo'
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

    It 'installs into a clean module path, imports by name and runs' {
        $pwsh = [Diagnostics.Process]::GetCurrentProcess().MainModule.FileName
        $script = "`$env:PSModulePath = '$modules' + [IO.Path]::PathSeparator + (Join-Path `$PSHOME 'Modules'); Import-Module Veo; (Get-Module Veo).ModuleBase; (Get-VeoModel -Provider Vtrix | Select-Object -First 1).ModelId"
        $output = & $pwsh -NoProfile -Command $script
        $output[0] | Should -BeLike "$modules*"
        $output[1] | Should -Be 'veo_31_fast'
    }
}
