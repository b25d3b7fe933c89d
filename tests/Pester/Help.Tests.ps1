#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# The help of the built module: full help for every exported cmdlet that matches the cmdlet's own parameters, examples
# that bind against the real cmdlets, and the about_Veo topic. build.ps1 writes the help (docs/help/Build-VeoHelp.ps1);
# this suite writes it only when the built module folder has none. Needs no simulator and no network.

BeforeDiscovery {
    $repo = Resolve-Path (Join-Path $PSScriptRoot '../..')
    $manifest = if ($env:VEO_MODULE_MANIFEST) { $env:VEO_MODULE_MANIFEST } else {
        Get-ChildItem (Join-Path $repo 'out/Veo/*/Veo.psd1') |
            Sort-Object { [version]$_.Directory.Name } |
            Select-Object -Last 1 -ExpandProperty FullName
    }
    $cmdletNames = @((Import-Module $manifest -PassThru).ExportedCmdlets.Keys | Sort-Object)
}

BeforeAll {
    Set-StrictMode -Version Latest
    $repo = Resolve-Path (Join-Path $PSScriptRoot '../..')
    $manifest = if ($env:VEO_MODULE_MANIFEST) { $env:VEO_MODULE_MANIFEST } else {
        Get-ChildItem (Join-Path $repo 'out/Veo/*/Veo.psd1') |
            Sort-Object { [version]$_.Directory.Name } |
            Select-Object -Last 1 -ExpandProperty FullName
    }
    $module = Import-Module $manifest -PassThru
    $veoCmdlets = @($module.ExportedCmdlets.Keys | Sort-Object)
    $moduleFolder = Split-Path $manifest
    $helpFolder = Join-Path $moduleFolder 'en-US'
    $mamlFile = Join-Path $helpFolder (@($module.ExportedCmdlets.Values)[0].HelpFile)
    $aboutFile = Join-Path $helpFolder 'about_Veo.help.txt'

    . (Join-Path $repo 'docs/help/Build-VeoHelp.ps1')
    if (-not (Test-Path $mamlFile) -or -not (Test-Path $aboutFile)) {
        $null = Build-VeoHelp -ModuleFolder $moduleFolder
    }

    $common = 'Verbose', 'Debug', 'ErrorAction', 'WarningAction', 'InformationAction', 'ProgressAction', 'ErrorVariable',
    'WarningVariable', 'InformationVariable', 'OutVariable', 'OutBuffer', 'PipelineVariable', 'WhatIf', 'Confirm'

    function Get-OwnParameterName([string] $Name) {
        (Get-Command $Name).Parameters.Keys | Where-Object { $_ -notin $common } | Sort-Object
    }
}

AfterAll {
    Remove-Module Veo -ErrorAction SilentlyContinue
}

Describe 'The help files of the built module' {
    It 'has a MAML file that is valid XML in the helpItems schema' {
        $mamlFile | Should -Exist
        $xml = [xml](Get-Content $mamlFile -Raw)
        $xml.helpItems.schema | Should -Be 'maml'
        @($xml.helpItems.command.details.name | Sort-Object) | Should -Be $veoCmdlets -Because 'every exported cmdlet has a topic'
    }

    It 'has the about_Veo topic' {
        $aboutFile | Should -Exist
    }
}

Describe 'Get-Help <_>' -ForEach $cmdletNames {
    BeforeAll {
        $name = $_
        $command = Get-Command $name
        $help = Get-Help $name -Full
    }

    It 'has a synopsis' {
        $help.Synopsis | Should -Not -BeNullOrEmpty
        $help.Synopsis | Should -Not -BeLike "$name *" -Because 'an auto-generated synopsis is only the syntax'
    }

    It 'has a description' {
        ($help.description.Text -join '').Trim() | Should -Not -BeNullOrEmpty
    }

    It 'has at least two examples, at least one of them a pipeline' {
        $examples = @($help.examples.example)
        $examples.Count | Should -BeGreaterOrEqual 2
        @($examples | Where-Object { $_.code -match '\|' }).Count | Should -BeGreaterOrEqual 1
    }

    It 'explains every example' {
        foreach ($example in $help.examples.example) {
            $example.code | Should -Not -BeNullOrEmpty
            ($example.remarks.Text -join '').Trim() | Should -Not -BeNullOrEmpty -Because "example '$($example.title)' needs remarks"
        }
    }

    It 'documents exactly the parameters the cmdlet has' {
        $documented = @($help.parameters.parameter.name | Sort-Object)
        $documented | Should -Be @(Get-OwnParameterName $name)
    }

    It 'describes every parameter' {
        foreach ($parameter in $help.parameters.parameter) {
            ($parameter.description.Text -join '').Trim() | Should -Not -BeNullOrEmpty -Because "-$($parameter.name) needs a description"
        }
    }

    It 'shows each parameter with the type and pipeline binding of the cmdlet' {
        foreach ($parameter in $help.parameters.parameter) {
            $metadata = $command.Parameters[$parameter.name]
            $type = [Nullable]::GetUnderlyingType($metadata.ParameterType)
            if (-not $type) { $type = $metadata.ParameterType }
            $parameter.type.name | Should -Be $type.FullName
            $byValue = @($metadata.ParameterSets.Values | Where-Object ValueFromPipeline).Count -gt 0
            $byName = @($metadata.ParameterSets.Values | Where-Object ValueFromPipelineByPropertyName).Count -gt 0
            $parameter.pipelineInput -match 'ByValue' | Should -Be $byValue -Because "-$($parameter.name) ByValue"
            $parameter.pipelineInput -match 'ByPropertyName' | Should -Be $byName -Because "-$($parameter.name) ByPropertyName"
        }
    }

    It 'has one syntax line per parameter set' {
        @($help.syntax.syntaxItem).Count | Should -Be @($command.ParameterSets).Count
    }

    It 'has examples that parse and bind to real parameters of Veo cmdlets' {
        foreach ($example in $help.examples.example) {
            $errors = $null
            $ast = [System.Management.Automation.Language.Parser]::ParseInput($example.code, [ref]$null, [ref]$errors)
            $errors | Should -BeNullOrEmpty -Because "example '$($example.title)' must parse"
            $calls = $ast.FindAll({ $args[0] -is [System.Management.Automation.Language.CommandAst] }, $true) |
                Where-Object { $_.GetCommandName() -in $veoCmdlets }
            foreach ($call in $calls) {
                $binding = [System.Management.Automation.Language.StaticParameterBinder]::BindCommand($call, $true)
                # A command that receives pipeline input picks its parameter set at run time, from that input.
                $piped = $call.Parent -is [System.Management.Automation.Language.PipelineAst] -and $call.Parent.PipelineElements.IndexOf($call) -gt 0
                $problems = @($binding.BindingExceptions.Keys |
                        Where-Object { -not ($piped -and $binding.BindingExceptions[$_].BindingException.ErrorId -eq 'AmbiguousParameterSet') } |
                        ForEach-Object { "$_ ($($binding.BindingExceptions[$_].BindingException.ErrorId))" })
                $problems | Should -BeNullOrEmpty -Because "'$($call.Extent.Text)' in example '$($example.title)' must bind"
            }
        }
    }

    It 'lists inputs, outputs and notes' {
        $help.inputTypes.inputType | Should -Not -BeNullOrEmpty
        @($help.returnValues.returnValue.type.name) | Should -Be @($command.OutputType.Name)
        ($help.alertSet.alert.Text -join '').Trim() | Should -Not -BeNullOrEmpty
    }
}

Describe 'about_Veo' {
    BeforeAll {
        $about = Get-Help about_Veo | Out-String
        $lines = Get-Content $aboutFile
    }

    It 'is found by Get-Help' {
        $about | Should -Match 'about_Veo'
        $about | Should -Match 'SHORT DESCRIPTION'
    }

    It 'is in the classic about format' {
        $lines[0] | Should -Be 'TOPIC'
        $lines | Should -Contain 'SHORT DESCRIPTION'
        $lines | Should -Contain 'LONG DESCRIPTION'
    }

    It 'has no line longer than 80 characters' {
        $long = @($lines | Where-Object Length -GT 80)
        $long | Should -BeNullOrEmpty
    }

    It 'names every exported cmdlet' {
        foreach ($name in $veoCmdlets) { $about | Should -Match ([regex]::Escape($name)) }
    }

    It 'names every environment variable a key may come from' {
        foreach ($variable in 'HIGHWAYAPI_API_KEY', 'JIEKOU_API_KEY', 'AIHUBMAX_API_KEY', 'VTRIX_API_KEY', 'GOOGLE_API_KEY', 'GEMINI_API_KEY', 'VEO_API_KEY', 'VEO_HOME') {
            $about | Should -Match $variable
        }
    }
}

Describe 'Build-VeoHelp' {
    BeforeAll {
        $contentPath = Join-Path $repo 'docs/help/Veo.Help.psd1'
        $original = Get-Content $contentPath -Raw
        $writtenAt = (Get-Item $mamlFile).LastWriteTimeUtc

        function Invoke-WithContent([string] $Text) {
            $path = Join-Path $TestDrive 'Veo.Help.psd1'
            Set-Content -Path $path -Value $Text -NoNewline
            Build-VeoHelp -ModuleFolder $moduleFolder -ContentPath $path
        }
    }

    It 'fails when a parameter of a cmdlet has no description' {
        $text = $original -replace "(?m)^\s*PassThru = '.*'\r?\n", ''
        $text | Should -Not -Be $original
        { Invoke-WithContent $text } | Should -Throw '*Connect-Veo: -PassThru has no description*'
    }

    It 'fails when it describes a parameter the cmdlet does not have' {
        $text = $original -replace "(?m)^(\s*PassThru = '.*'\r?\n)", "`$1        NoSuchParameter = 'x'`n"
        { Invoke-WithContent $text } | Should -Throw '*Connect-Veo: -NoSuchParameter is described but the cmdlet has no such parameter*'
    }

    It 'fails when an exported cmdlet has no content' {
        $text = $original -replace "'Get-VeoModel'(\s*)= @\{", "'Get-VeoModels'`$1= @{"
        { Invoke-WithContent $text } | Should -Throw '*Get-VeoModel has no content*'
    }

    It 'fails when it describes a common parameter' {
        $text = $original -replace "(?m)^(\s*PassThru = '.*'\r?\n)", "`$1        Verbose = 'x'`n"
        { Invoke-WithContent $text } | Should -Throw '*-Verbose is a common parameter*'
    }

    It 'leaves the help file alone when it fails' {
        (Get-Item $mamlFile).LastWriteTimeUtc | Should -Be $writtenAt
        Get-ChildItem $helpFolder -Filter '*.partial' | Should -BeNullOrEmpty
    }
}
