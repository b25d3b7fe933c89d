#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# The cmdlet layer of the built module, against the provider simulator in a child process.
# build.ps1 -Task Test (or -Task Pester) sets $env:VEO_MODULE_MANIFEST and $env:VEO_SIMULATOR_DLL.

BeforeAll {
    . (Join-Path $PSScriptRoot 'Simulator.ps1')
    . (Join-Path $PSScriptRoot 'ChildPowerShell.ps1')
    $repo = Resolve-Path (Join-Path $PSScriptRoot '../..')
    $manifest = if ($env:VEO_MODULE_MANIFEST) { $env:VEO_MODULE_MANIFEST } else {
        Get-ChildItem (Join-Path $repo 'out/Veo/*/Veo.psd1') | Select-Object -Last 1 -ExpandProperty FullName
    }
    $simulatorDll = if ($env:VEO_SIMULATOR_DLL) { $env:VEO_SIMULATOR_DLL } else { Join-Path $repo 'out/simulator/Veo.Simulator.dll' }

    # Tasks made by the tests go to a ledger of their own, not the user's.
    $savedVeoHome = $env:VEO_HOME
    $env:VEO_HOME = Join-Path ([IO.Path]::GetTempPath()) "veo-pester-$PID"
    Import-Module $manifest -Force
    $sim = Start-VeoSimulator -Path $simulatorDll
    $first = Join-Path $PSScriptRoot '../Assets/first-frame.png'
    $last = Join-Path $PSScriptRoot '../Assets/last-frame.png'
    Connect-Veo -Provider HighwayApi -BaseUri $sim.BaseUri -ApiKey $sim.ApiKey

    # Invoke-RestMethod emits a JSON array as one object; ForEach-Object unrolls it.
    function Get-SimRequest { @(Invoke-VeoSimulatorControl -Simulator $sim -Path requests | ForEach-Object { $_ }) }
    function Get-CreateCount { @(Get-SimRequest | Where-Object method -EQ 'POST').Count }
    function Get-LastCreate { Get-SimRequest | Where-Object method -EQ 'POST' | Select-Object -Last 1 }
    function Set-SimTiming([int] $ProcessingMs) {
        Invoke-VeoSimulatorControl -Simulator $sim -Path timings -Method Post -Body @{ processingForMs = $ProcessingMs }
    }
}

AfterAll {
    Stop-VeoSimulator $sim
    Remove-Module Veo -ErrorAction SilentlyContinue
    Remove-Item $env:VEO_HOME -Recurse -Force -ErrorAction SilentlyContinue
    $env:VEO_HOME = $savedVeoHome
}

Describe 'The built module' {
    It 'exports exactly the documented cmdlets' {
        (Get-Command -Module Veo).Name | Sort-Object |
            Should -Be @('Connect-Veo', 'Disconnect-Veo', 'Get-VeoConnection', 'Get-VeoModel', 'Get-VeoTask', 'New-VeoExtendedVideo', 'New-VeoFrameVideo', 'New-VeoReferenceVideo', 'New-VeoTextVideo', 'Save-VeoVideo', 'Wait-VeoTask')
    }

    It 'does not ship the PowerShellStandard stub' {
        Get-ChildItem (Split-Path $manifest) -Recurse -Filter 'System.Management.Automation.dll' | Should -BeNullOrEmpty
    }

    It 'works in a session that loaded another <Name> first' -ForEach @(
        @{ Name = 'Polly.Core'; Source = '[assembly: System.Reflection.AssemblyVersion("1.0.0.0")] namespace Polly { public static class Clash { } }' }
        @{ Name = 'System.Text.Json'; Source = '[assembly: System.Reflection.AssemblyVersion("6.0.0.0")] namespace System.Text.Json { public static class Clash { } }' }
    ) {
        $dll = Join-Path $TestDrive "$Name.dll"
        $script = @"
`$ErrorActionPreference = 'Stop'
Add-Type -TypeDefinition '$Source' -OutputAssembly '$dll'
`$null = [Reflection.Assembly]::LoadFrom('$dll')
`$env:VEO_HOME = '$(Join-Path $TestDrive 'clash-home')'
Import-Module '$manifest'
(New-VeoFrameVideo -Prompt 'p' -Image 'https://example.com/a.png' -BaseUri '$($sim.BaseUri)' -ApiKey '$($sim.ApiKey)' | Wait-VeoTask).Status
"@
        $output = Invoke-ChildPowerShell $script 2>&1
        $output | Select-Object -Last 1 | Should -Be 'Succeeded' -Because ($output -join "`n")
    }

    It 'declares its output types' {
        (Get-Command New-VeoFrameVideo).OutputType.Name | Should -Be 'Veo.Client.VeoTask'
        (Get-Command Save-VeoVideo).OutputType.Name | Should -Be 'System.IO.FileInfo'
    }

    It 'carries the latest changelog entry as release notes' {
        (Test-ModuleManifest $manifest).ReleaseNotes | Should -Match 'HighwayAPI'
    }
}

Describe 'Get-VeoModel and completion' {
    It 'lists the catalog, filtered by provider, mode and tier' {
        (Get-VeoModel).Count | Should -BeGreaterThan 15
        $lite = Get-VeoModel -Provider HighwayApi -Mode FirstFrame -Model Lite
        $lite.ModelId | Should -Be 'veo-3.1-lite-i2v'
        $lite.Takes('EnhancePrompt') | Should -BeFalse
        (Get-VeoModel -Provider Vtrix).Tier | Sort-Object -Unique | Should -Be 'Fast'
        (Get-VeoModel -Provider AIHubMax -Mode FirstFrame -Model Lite).Rules.Description | Should -Be '1080p only at 8 seconds'
    }

    It 'keeps the README capability tables equal to the catalog' {
        . (Join-Path $repo 'docs/ModelTable.ps1')
        $readme = Get-Content (Join-Path $repo 'README.md') -Raw
        foreach ($provider in 'HighwayApi', 'AIHubMax', 'Vtrix', 'Google') {
            $table = (ConvertTo-VeoModelTable -Provider $provider) -join "`n"
            $readme.Replace("`r`n", "`n").Contains("<!-- models:$provider -->`n$table`n<!-- /models:$provider -->") | Should -BeTrue -Because "README's $provider table must match Get-VeoModel (./build.ps1 -Task Docs)"
        }
    }

    It 'completes <Line>with exactly <Expected>' -ForEach @(
        @{ Line = 'New-VeoFrameVideo -Provider HighwayApi -Resolution '; Expected = @('1080p', '720p') }
        @{ Line = 'New-VeoFrameVideo -Provider AIHubMax -Model Lite -Resolution '; Expected = @('1080p', '720p') }
        @{ Line = 'New-VeoFrameVideo -Provider AIHubMax -Resolution '; Expected = @('1080p', '4k', '720p') }
        @{ Line = 'New-VeoFrameVideo -Model veo-3.1-lite-i2v -Resolution 1'; Expected = @('1080p') }
        @{ Line = 'New-VeoReferenceVideo -Provider HighwayApi -Model '; Expected = @('Fast', 'Standard') }
        @{ Line = 'New-VeoFrameVideo -Provider Vtrix -Model '; Expected = @('Fast') }
        @{ Line = 'New-VeoFrameVideo -Provider Google -Model '; Expected = @('Fast', 'Standard') }
        @{ Line = 'New-VeoExtendedVideo -Provider Google -Resolution '; Expected = @('720p') }
        @{ Line = 'New-VeoFrameVideo -AspectRatio '; Expected = @('16:9', '9:16') }
        @{ Line = 'New-VeoFrameVideo -Prompt p -AspectRatio 9'; Expected = @('9:16') }
        @{ Line = "New-VeoFrameVideo -AspectRatio '"; Expected = @("'16:9'", "'9:16'") }
        @{ Line = 'New-VeoFrameVideo -AspectRatio "1'; Expected = @('"16:9"') }
        @{ Line = 'New-VeoFrameVideo -DurationSeconds '; Expected = @('4', '6', '8') }
        @{ Line = 'New-VeoTextVideo -Provider Vtrix -DurationSeconds '; Expected = @('4', '6', '8') }
        @{ Line = 'New-VeoFrameVideo -PersonGeneration '; Expected = @('AllowAdult', 'AllowAll', 'DontAllow') }
        @{ Line = 'New-VeoFrameVideo -Model Lite -PersonGeneration '; Expected = @('AllowAdult', 'DontAllow') }
        @{ Line = 'New-VeoFrameVideo -Provider Vtrix -PersonGeneration '; Expected = @('AllowAdult') }
        @{ Line = 'New-VeoTextVideo -Provider AIHubMax -PersonGeneration '; Expected = @() }
        @{ Line = 'New-VeoFrameVideo -SampleCount '; Expected = @('1', '2', '3', '4') }
        @{ Line = 'New-VeoFrameVideo -Provider AIHubMax -SampleCount '; Expected = @() }
        @{ Line = 'New-VeoFrameVideo -Provider AIHubMax -SafetyTolerance '; Expected = @('1', '2', '3', '4', '5', '6') }
        @{ Line = 'New-VeoFrameVideo -SafetyTolerance '; Expected = @() }
        @{ Line = 'New-VeoTextVideo -Model Lite -EnhancePrompt '; Expected = @('$false', '$true') }
        @{ Line = 'New-VeoFrameVideo -EnhancePrompt '; Expected = @('$true') }
        @{ Line = 'New-VeoFrameVideo -Model Lite -EnhancePrompt '; Expected = @() }
        @{ Line = 'New-VeoReferenceVideo -Provider AIHubMax -Model Standard -ReferenceType '; Expected = @('Asset', 'Style') }
        @{ Line = 'New-VeoReferenceVideo -ReferenceType '; Expected = @() }
        @{ Line = 'New-VeoFrameVideo -Prompt '; Expected = @() }
        @{ Line = 'New-VeoFrameVideo -Seed '; Expected = @() }
        @{ Line = 'New-VeoTextVideo -NegativePrompt '; Expected = @() }
        @{ Line = 'New-VeoTextVideo -ApiKey '; Expected = @() }
        @{ Line = 'Wait-VeoTask -TimeoutSeconds '; Expected = @() }
        @{ Line = 'Save-VeoVideo -ThrottleLimit '; Expected = @() }
        @{ Line = 'Get-VeoTask -Last '; Expected = @() }
        @{ Line = 'New-VeoTextVideo -Provider Vtrix -BaseUri '; Expected = @('https://cloud.vtrix.ai/') }
        @{ Line = 'New-VeoTextVideo -Provider Google -BaseUri '; Expected = @('https://generativelanguage.googleapis.com/') }
    ) {
        $result = TabExpansion2 -inputScript $Line -cursorColumn $Line.Length
        @($result.CompletionMatches | ForEach-Object CompletionText | Sort-Object) | Should -Be $Expected
        foreach ($completion in $result.CompletionMatches) {
            # Each is one complete token: the completed line parses, and its last argument is the value offered.
            $completed = $Line.Remove($result.ReplacementIndex, $result.ReplacementLength).Insert($result.ReplacementIndex, $completion.CompletionText)
            $errors = $null
            $ast = [Management.Automation.Language.Parser]::ParseInput($completed, [ref]$null, [ref]$errors)
            $errors | Should -BeNullOrEmpty
            $argument = $ast.EndBlock.Statements[0].PipelineElements[0].CommandElements[-1]
            if ($argument -isnot [Management.Automation.Language.VariableExpressionAst]) { $argument.Value | Should -BeExactly $completion.ListItemText }
        }
    }

    It 'completes -BaseUri with the session''s address and the public one' {
        $line = 'New-VeoFrameVideo -BaseUri '
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be @($sim.BaseUri.AbsoluteUri, 'https://api.highwayapi.ai/')
    }

    It 'completes task ids from the ledger, and only images or videos for -Image and -Video' {
        $task = New-VeoTextVideo -Prompt 'completion fox'
        $line = "Wait-VeoTask -TaskId $($task.TaskId.Substring(0, 13))"
        $completion = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches
        $completion.CompletionText | Should -Be $task.TaskId
        $completion.ToolTip | Should -Match 'completion fox'

        New-Item (Join-Path $TestDrive 'media/sub') -ItemType Directory -Force | Out-Null
        'a.png', 'b.JPG', 'c.mp4', 'd.txt' | ForEach-Object { Set-Content (Join-Path $TestDrive "media/$_") 'x' }
        Push-Location (Join-Path $TestDrive 'media')
        try {
            $line = 'New-VeoFrameVideo -Image '
            (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.ListItemText | Sort-Object | Should -Be @('a.png', 'b.JPG', 'sub')
            $line = 'New-VeoExtendedVideo -Video '
            (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.ListItemText | Sort-Object | Should -Be @('c.mp4', 'sub')
        }
        finally { Pop-Location }
    }
}

Describe 'Connect-Veo' {
    AfterEach { Connect-Veo -Provider HighwayApi -BaseUri $sim.BaseUri -ApiKey $sim.ApiKey }

    It 'shows the provider, address and where the key came from, never the key' {
        $connection = Connect-Veo HighwayApi -ApiKey 'a-secret-key-value' -BaseUri $sim.BaseUri -PassThru
        $connection.Provider | Should -Be 'HighwayApi'
        $connection.KeySource | Should -Be 'Connect-Veo'
        ($connection | Format-List * | Out-String) | Should -Not -Match 'a-secret-key-value'
    }

    It 'accepts JieKou with its own address' {
        (Connect-Veo -Provider JieKou -ApiKey 'x' -PassThru).BaseUri | Should -Be 'https://api.jiekou.ai/'
    }

    It 'Get-VeoConnection shows the session default: provider, address, key source, never the key' {
        Connect-Veo AIHubMax -ApiKey 'a-secret-key-value' -BaseUri $sim.BaseUri
        $connection = Get-VeoConnection
        $connection.Provider | Should -Be 'AIHubMax'
        $connection.BaseUri | Should -Be $sim.BaseUri
        $connection.KeySource | Should -Be 'Connect-Veo'
        ($connection | Format-Table | Out-String) + ($connection | Format-List * | Out-String) | Should -Not -Match 'a-secret-key-value'
        (Get-VeoConnection -Provider HighwayApi).BaseUri | Should -Be $sim.BaseUri -Because 'HighwayApi keeps its own Connect-Veo settings'
    }

    It 'Get-VeoConnection names the environment variable a key comes from, or none' {
        Disconnect-Veo
        $saved = $env:VTRIX_API_KEY, $env:VEO_API_KEY
        try {
            $env:VTRIX_API_KEY = 'from-the-environment'
            $env:VEO_API_KEY = $null
            $vtrix = Get-VeoConnection Vtrix
            $vtrix.KeySource | Should -Be '$env:VTRIX_API_KEY'
            $vtrix.BaseUri | Should -Be 'https://cloud.vtrix.ai/'
            $env:VTRIX_API_KEY = $null
            (Get-VeoConnection Vtrix).KeySource | Should -BeNullOrEmpty
        }
        finally { $env:VTRIX_API_KEY, $env:VEO_API_KEY = $saved }
    }

    It 'Disconnect-Veo forgets the default: later calls need -Provider and -BaseUri or the environment again' {
        Connect-Veo AIHubMax -ApiKey $sim.ApiKey -BaseUri $sim.BaseUri
        Disconnect-Veo
        $connection = Get-VeoConnection
        $connection.Provider | Should -Be 'HighwayApi'
        $connection.BaseUri | Should -Be 'https://api.highwayapi.ai/'
        (Get-VeoConnection AIHubMax).BaseUri | Should -Be 'https://api.aihubmax.com/'
        $saved = $env:HIGHWAYAPI_API_KEY, $env:VEO_API_KEY
        try {
            $env:HIGHWAYAPI_API_KEY = $env:VEO_API_KEY = $null
            New-VeoTextVideo -Prompt 'a fox' -ErrorAction SilentlyContinue -ErrorVariable failed | Should -BeNullOrEmpty
            $failed.FullyQualifiedErrorId | Should -BeLike 'NoApiKey,*' -Because 'with no key in the session or the environment nothing is sent'
        }
        finally { $env:HIGHWAYAPI_API_KEY, $env:VEO_API_KEY = $saved }
    }

    It 'Disconnect-Veo -Provider forgets only that provider, and the default only when it is that one' {
        Connect-Veo AIHubMax -ApiKey $sim.ApiKey -BaseUri $sim.BaseUri
        Connect-Veo HighwayApi -ApiKey $sim.ApiKey -BaseUri $sim.BaseUri
        Disconnect-Veo -Provider AIHubMax
        (Get-VeoConnection).BaseUri | Should -Be $sim.BaseUri
        (Get-VeoConnection AIHubMax).BaseUri | Should -Be 'https://api.aihubmax.com/'
        (Disconnect-Veo HighwayApi -PassThru).BaseUri | Should -Be 'https://api.highwayapi.ai/'
    }

    It 'takes a SecureString key' {
        $secure = ConvertTo-SecureString $sim.ApiKey -AsPlainText -Force
        Connect-Veo HighwayApi -ApiKey $secure -BaseUri $sim.BaseUri
        (New-VeoFrameVideo -Prompt 'p' -Image $first).Status | Should -Be 'Queued'
    }
}

Describe 'New-VeoFrameVideo' {
    It 'FirstFrame creates an image-to-video task' {
        $task = New-VeoFrameVideo -Prompt 'a fox' -Image $first -DurationSeconds 6
        $task | Should -BeOfType ([Veo.Client.VeoTask])
        $task.Model | Should -Be 'veo-3.1-fast-generate-img2video'
        $task.Mode | Should -Be 'FirstFrame'
        $task.Status | Should -Be 'Queued'
        (Get-LastCreate).pathAndQuery | Should -Be '/v3/async/veo-3.1-fast-generate-img2video'
        ((Get-LastCreate).body | ConvertFrom-Json).duration_seconds | Should -Be 6
    }

    It 'FirstAndLastFrame on Lite sends last_frame_image and duration' {
        $task = New-VeoFrameVideo -Prompt 'a fox' -Image $first -LastImage $last -Model Lite -DurationSeconds 4 -PersonGeneration DontAllow
        $task.Model | Should -Be 'veo-3.1-lite-firstlastframe'
        $task.Mode | Should -Be 'FirstAndLastFrame'
        $body = (Get-LastCreate).body | ConvertFrom-Json
        $body.duration | Should -Be 4
        $body.last_frame_image | Should -Not -BeNullOrEmpty
        $body.person_generation | Should -Be 'dont_allow'
    }

    It 'FirstAndLastFrame on Fast spells DontAllow as disallow' {
        $null = New-VeoFrameVideo -Prompt 'a fox' -Image $first -LastImage $last -PersonGeneration DontAllow
        ((Get-LastCreate).body | ConvertFrom-Json).person_generation | Should -Be 'disallow'
    }

    It 'passes an image URL through unchanged' {
        $null = New-VeoFrameVideo -Prompt 'a fox' -Image 'https://example.com/fox.jpg' -Model Standard
        ((Get-LastCreate).body | ConvertFrom-Json).image | Should -Be 'https://example.com/fox.jpg'
    }

    It 'resolves a relative path against the current location' {
        Push-Location (Split-Path $first)
        try { (New-VeoFrameVideo -Prompt 'a fox' -Image './first-frame.png').Status | Should -Be 'Queued' }
        finally { Pop-Location }
    }

    It '-WhatIf sends nothing and emits nothing' {
        $before = Get-CreateCount
        New-VeoFrameVideo -Prompt 'a fox' -Image $first -LastImage $last -WhatIf | Should -BeNullOrEmpty
        Get-CreateCount | Should -Be $before
    }

    It 'refuses <Case> locally with <ErrorId>, sending nothing' -ForEach @(
        @{ Case = '4k'; ErrorId = 'ResolutionNotAllowed'; Arguments = @{ Resolution = '4k' } }
        @{ Case = 'a 5 s video'; ErrorId = 'DurationNotAllowed'; Arguments = @{ DurationSeconds = 5 } }
        @{ Case = '-EnhancePrompt on Lite'; ErrorId = 'OptionNotSupported'; Arguments = @{ Model = 'Lite'; EnhancePrompt = $true } }
        @{ Case = 'five samples'; ErrorId = 'SampleCountOutOfRange'; Arguments = @{ SampleCount = 5 } }
        @{ Case = 'a seed past 2^32'; ErrorId = 'SeedOutOfRange'; Arguments = @{ Seed = 4294967296 } }
        @{ Case = 'AllowAll on Lite'; ErrorId = 'PersonGenerationNotAllowed'; Arguments = @{ Model = 'Lite'; PersonGeneration = 'AllowAll' } }
    ) {
        $before = Get-CreateCount
        $caught = $null
        try { New-VeoFrameVideo -Prompt 'a fox' -Image $first @Arguments } catch { $caught = $_ }
        $caught | Should -Not -BeNullOrEmpty
        $caught.FullyQualifiedErrorId | Should -BeLike "$ErrorId,*"
        $caught.CategoryInfo.Category | Should -Be 'InvalidArgument'
        Get-CreateCount | Should -Be $before
    }

    It 'refuses a <Case> image with <ErrorId>' -ForEach @(
        @{ Case = 'missing'; ErrorId = 'ImageNotFound' }
        @{ Case = 'GIF'; ErrorId = 'ImageFormatNotSupported' }
        @{ Case = '25 MB'; ErrorId = 'ImageTooLarge' }
    ) {
        $path = Join-Path $TestDrive "image-$Case.png"
        switch ($Case) {
            'GIF' { [IO.File]::WriteAllBytes($path, [Text.Encoding]::ASCII.GetBytes('GIF89a-not-really')) }
            '25 MB' {
                $stream = [IO.File]::Create($path)
                $stream.Write([byte[]](0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A), 0, 8)
                $stream.SetLength(25MB)
                $stream.Dispose()
            }
        }
        $before = Get-CreateCount
        { New-VeoFrameVideo -Prompt 'a fox' -Image $path } | Should -Throw -ErrorId "$ErrorId,*"
        Get-CreateCount | Should -Be $before
    }
}

Describe 'New-VeoReferenceVideo' {
    It 'sends one to three asset reference images and no duration' {
        $task = New-VeoReferenceVideo -Prompt 'a fox in snow' -ReferenceImage $first, 'https://example.com/b.png' -Model Standard -SampleCount 2 -EnhancePrompt $true
        $task.Model | Should -Be 'veo-3.1-generate-reference'
        $body = (Get-LastCreate).body | ConvertFrom-Json
        $body.reference_images.Count | Should -Be 2
        $body.reference_images.reference_type | Should -Be @('asset', 'asset')
        $body.reference_images[1].image | Should -Be 'https://example.com/b.png'
        $body.PSObject.Properties.Name | Should -Not -Contain 'duration_seconds'
        $body.enhance_prompt | Should -BeTrue
    }

    It 'refuses four reference images' {
        { New-VeoReferenceVideo -Prompt 'p' -ReferenceImage $first, $first, $first, $first } | Should -Throw -ErrorId 'ReferenceImageCount,*'
    }

    It 'refuses a tier name that does not exist' {
        { New-VeoReferenceVideo -Prompt 'p' -ReferenceImage $first -Model Turbo } | Should -Throw -ErrorId 'ParameterArgumentValidationError,*'
    }

    It 'has no Lite model' {
        { New-VeoReferenceVideo -Prompt 'p' -ReferenceImage $first -Model Lite } | Should -Throw -ErrorId 'ModelNotAvailable,*'
    }

    It '-Wait emits the finished task' {
        $task = New-VeoReferenceVideo -Prompt 'a fox' -ReferenceImage $first -Wait
        $task.Status | Should -Be 'Succeeded'
        $task.Videos.Count | Should -Be 1
    }
}

Describe 'Get-VeoTask' {
    BeforeAll { $created = New-VeoFrameVideo -Prompt 'a fox' -Image $first }

    It 'reads a task by id' {
        $read = Get-VeoTask $created.TaskId
        $read.TaskId | Should -Be $created.TaskId
        $read.Provider | Should -Be 'HighwayApi'
    }

    It 'takes ids from the pipeline' {
        ($created.TaskId | Get-VeoTask).TaskId | Should -Be $created.TaskId
    }

    It 'binds the id by property name, with the alias Id' {
        ([pscustomobject]@{ Id = $created.TaskId } | Get-VeoTask).TaskId | Should -Be $created.TaskId
    }

    It 'refreshes a piped task and keeps what it knew' {
        $refreshed = $created | Get-VeoTask
        $refreshed.Model | Should -Be 'veo-3.1-fast-generate-img2video'
        $refreshed.RetrievedAt | Should -BeGreaterThan $created.RetrievedAt
    }

    It 'reports an unknown id as TaskNotFound' {
        Get-VeoTask 'no-such-task' -ErrorAction SilentlyContinue -ErrorVariable failure | Should -BeNullOrEmpty
        $failure[0].FullyQualifiedErrorId | Should -BeLike 'TaskNotFound,*'
        $failure[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }

    It 'reports a wrong key as AuthenticationFailed without showing it' {
        $wrongKey = 'wrong-key-' + [guid]::NewGuid()
        $all = Get-VeoTask $created.TaskId -ApiKey $wrongKey -Verbose -Debug -ErrorAction Continue *>&1 | Out-String
        $all | Should -Match 'HTTP 401 FAILED_TO_AUTH'
        $all | Should -Not -Match $wrongKey
    }
}

Describe 'The task ledger' {
    BeforeAll {
        # A ledger of its own: the corrupt line written here must not warn in every later Describe.
        $savedHome = $env:VEO_HOME
        $env:VEO_HOME = Join-Path $TestDrive 'ledger-home'
        $ledgerFile = Join-Path $env:VEO_HOME 'tasks.jsonl'
        # A child pwsh that knows nothing but the module and the key in its environment.
        function Invoke-FreshPwsh([string] $Script) {
            $env:HIGHWAYAPI_API_KEY = $sim.ApiKey
            try { Invoke-ChildPowerShell "Import-Module '$manifest'; $Script" }
            finally { Remove-Item Env:HIGHWAYAPI_API_KEY }
        }
    }
    AfterAll { $env:VEO_HOME = $savedHome }

    It 'records every created task, never the key' {
        $task = New-VeoFrameVideo -Prompt 'ledger fox' -Image $first
        $line = Get-Content $ledgerFile | Select-Object -Last 1 | ConvertFrom-Json
        $line.taskId | Should -Be $task.TaskId
        $line.provider | Should -Be 'HighwayApi'
        $line.baseUri | Should -Be $sim.BaseUri.AbsoluteUri
        $line.prompt | Should -Be 'ledger fox'
        Get-Content $ledgerFile -Raw | Should -Not -Match ([regex]::Escape($sim.ApiKey))
    }

    It 'lists recent tasks newest first with -Last' {
        $older = New-VeoFrameVideo -Prompt 'older' -Image $first
        $newer = New-VeoFrameVideo -Prompt 'newer' -Image $first
        $recent = Get-VeoTask -Last 2
        $recent.TaskId | Should -Be @($newer.TaskId, $older.TaskId)
        $recent[0].Prompt | Should -Be 'newer'
    }

    It 'finds a task by id in a new pwsh session with no Connect-Veo' {
        $task = New-VeoReferenceVideo -Prompt 'remember me' -ReferenceImage $first
        $json = Invoke-FreshPwsh "Get-VeoTask -TaskId '$($task.TaskId)' | Select-Object TaskId, Provider, BaseUri, Model, Prompt | ConvertTo-Json"
        $found = $json | ConvertFrom-Json
        $found.TaskId | Should -Be $task.TaskId
        $found.BaseUri | Should -Be $sim.BaseUri.AbsoluteUri
        $found.Model | Should -Be 'veo-3.1-fast-generate-reference'
        $found.Prompt | Should -Be 'remember me'
    }

    It 'stays valid when two pwsh processes create tasks at once' {
        $before = @(Get-Content $ledgerFile).Count
        $script = "1..5 | ForEach-Object { `$null = New-VeoFrameVideo -Prompt ""parallel `$_"" -Image '$first' -BaseUri '$($sim.BaseUri)' }"
        $child = Get-ChildPowerShell
        $arguments = @($child.Prefix) + @('-NoProfile', '-Command', "`$env:HIGHWAYAPI_API_KEY = '$($sim.ApiKey)'; Import-Module '$manifest'; $script")
        $jobs = 1..2 | ForEach-Object { Start-Job -ScriptBlock { param($program, $arguments) & $program @arguments } -ArgumentList $child.Program, $arguments }
        $jobs | Wait-Job -Timeout 120 | Receive-Job
        $jobs | Remove-Job -Force
        # Each create writes two lines: its intent before the request, then the task.
        $lines = @(Get-Content $ledgerFile)
        $lines.Count | Should -Be ($before + 20)
        $lines | ForEach-Object { { $_ | ConvertFrom-Json } | Should -Not -Throw }
        $added = @($lines | Select-Object -Skip $before | ConvertFrom-Json)
        @($added | Where-Object { $_.PSObject.Properties['taskId'] }).Count | Should -Be 10
        @($added | Where-Object { $_.PSObject.Properties['kind'] -and $_.kind -eq 'sending' }).Count | Should -Be 10
    }

    It 'skips a corrupt line with a warning' {
        Add-Content $ledgerFile '{this is not json'
        $task = New-VeoFrameVideo -Prompt 'after the damage' -Image $first
        $recent = Get-VeoTask -Last 1 -WarningVariable warned -WarningAction SilentlyContinue
        $recent.TaskId | Should -Be $task.TaskId
        $warned | Should -Match 'cannot be read and was skipped'
    }
}

Describe 'AIHubMax' {
    BeforeAll {
        $aihubmax = @{ Provider = 'AIHubMax'; BaseUri = $sim.BaseUri; ApiKey = $sim.ApiKey }
        function Get-UploadCount { @(Get-SimRequest | Where-Object { $_.method -eq 'POST' -and $_.pathAndQuery -like '/v1/files/upload*' }).Count }
    }

    It 'uploads a local image once, shows it in -Verbose, and creates an image-to-video task' {
        $copy = Join-Path $TestDrive 'aihubmax-first.png'
        Copy-Item $first $copy
        $before = Get-UploadCount
        $task = New-VeoFrameVideo -Prompt 'a fox' -Image $copy -LastImage $copy -DurationSeconds 6 -Resolution 720p @aihubmax -Verbose 4>&1 |
            Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] -or $_.Message -match 'Uploading' } | Tee-Object -Variable all |
            Where-Object { $_ -is [Veo.Client.VeoTask] }
        $all | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | Should -HaveCount 1
        Get-UploadCount | Should -Be ($before + 1)
        $task.Model | Should -Be 'veo-3.1-fast-first-last-frame-to-video'
        $body = (Get-LastCreate).body | ConvertFrom-Json
        $body.first_image_url | Should -BeLike "$($sim.BaseUri)sim/files/*"
        $body.last_image_url | Should -Be $body.first_image_url
        ($task | Wait-VeoTask | Save-VeoVideo -Path (Join-Path $TestDrive 'aihubmax')).Extension | Should -Be '.mp4'
    }

    It 'passes an image URL through to a reference task with AIHubMax options' {
        $task = New-VeoReferenceVideo -Prompt 'a fox' -ReferenceImage 'https://example.com/fox.png' -Model Standard -ReferenceType Style -SafetyTolerance 2 -AutoFix @aihubmax
        $task.Model | Should -Be 'veo-3.1-reference-to-video'
        $body = (Get-LastCreate).body | ConvertFrom-Json
        $body.reference_image_urls | Should -Be @('https://example.com/fox.png')
        $body.reference_type | Should -Be 'STYLE'
        $body.safety_tolerance | Should -Be 2
        $body.auto_fix | Should -BeTrue
    }

    It '-WhatIf uploads nothing and creates nothing' {
        $before = Get-SimRequest
        New-VeoFrameVideo -Prompt 'a fox' -Image $last @aihubmax -WhatIf | Should -BeNullOrEmpty
        (Get-SimRequest).Count | Should -Be $before.Count
    }

    It 'refuses an option a model does not take, naming the models that do' {
        { New-VeoReferenceVideo -Prompt 'p' -ReferenceImage 'https://example.com/a.png' -ReferenceType Asset @aihubmax } |
            Should -Throw -ExpectedMessage '*veo-3.1-reference-to-video (AIHubMax)*'
        { New-VeoFrameVideo -Prompt 'p' -Image $first -SafetyTolerance 3 } | Should -Throw -ErrorId 'OptionNotSupported,*'
    }

    It 'reports an empty balance as InsufficientBalance' {
        New-VeoFrameVideo -Prompt 'p' -Image 'https://example.com/a.png' -Provider AIHubMax -BaseUri $sim.BaseUri -ApiKey 'sim-broke' -ErrorAction SilentlyContinue -ErrorVariable failure
        $failure[0].FullyQualifiedErrorId | Should -BeLike 'InsufficientBalance,*'
        $failure[0].CategoryInfo.Category | Should -Be 'QuotaExceeded'
    }
}

Describe 'Vtrix' {
    BeforeAll {
        $vtrix = @{ Provider = 'Vtrix'; BaseUri = $sim.BaseUri; ApiKey = $sim.ApiKey }
    }
    AfterEach { Invoke-VeoSimulatorControl -Simulator $sim -Path options -Method Post -Body @{ vtrixDialect = 'Documented' } }

    It 'sends a local image as bytes, and shows the cost once done' {
        $task = New-VeoFrameVideo -Prompt 'a fox' -Image $first -DurationSeconds 4 @vtrix
        $task.Model | Should -Be 'veo_31_fast'
        $body = (Get-LastCreate).body | ConvertFrom-Json
        $body.model | Should -Be 'veo_31_fast'
        $body.input[0].params.image.mimeType | Should -Be 'image/png'
        $body.input[0].params.personGeneration | Should -Be 'allow_adult'
        $done = $task | Wait-VeoTask
        $done.Cost | Should -Be 0.6
        ($done | Format-Table | Out-String) | Should -Match '0\.60'
        ($done | Save-VeoVideo -Path (Join-Path $TestDrive 'vtrix')).Length | Should -BeGreaterThan 1000
    }

    It 'fetches an image URL itself and refuses one that is missing, sending nothing' {
        $before = Get-CreateCount
        New-VeoFrameVideo -Prompt 'a fox' -Image "$($sim.BaseUri)sim/files/none/missing.png" @vtrix -ErrorAction SilentlyContinue -ErrorVariable failure
        $failure[0].FullyQualifiedErrorId | Should -BeLike 'ImageUrlUnavailable,*'
        Get-CreateCount | Should -Be $before
    }

    It 'reads the <Dialect> status dialect' -ForEach @(@{ Dialect = 'Cli' }, @{ Dialect = 'PreviewPage' }, @{ Dialect = 'Gateway' }) {
        Invoke-VeoSimulatorControl -Simulator $sim -Path options -Method Post -Body @{ vtrixDialect = $Dialect }
        $done = New-VeoReferenceVideo -Prompt 'a fox' -ReferenceImage $first @vtrix | Wait-VeoTask
        $done.Status | Should -Be 'Succeeded'
        $done.Videos.Count | Should -Be 1
    }

    It 'refuses 1080p at 4 seconds before sending' {
        { New-VeoFrameVideo -Prompt 'p' -Image $first -Resolution 1080p -DurationSeconds 4 @vtrix } | Should -Throw -ErrorId 'DurationNotAllowed,*'
    }
}

Describe 'Google' {
    BeforeAll {
        $google = @{ Provider = 'Google'; BaseUri = $sim.BaseUri; ApiKey = $sim.ApiKey }
    }

    It 'makes, waits for and saves a video of every mode on <_>, named inside -Path' -ForEach 'Standard', 'Fast' {
        $folder = Join-Path $TestDrive "google-$_"
        $text = New-VeoTextVideo -Prompt 'a paper boat on a river' -Model $_ @google | Wait-VeoTask
        $text.TaskId | Should -Match '^models/veo-3\.1-(fast-)?generate-preview/operations/[a-z0-9]+$'
        $tasks = @(
            $text
            New-VeoFrameVideo -Prompt 'the fox looks up' -Image $first -Model $_ @google
            New-VeoFrameVideo -Prompt 'dusk to night' -Image $first -LastImage $last -Model $_ @google
            New-VeoReferenceVideo -Prompt 'a fox in snow' -ReferenceImage $first, $last -Model $_ @google
            $text | New-VeoExtendedVideo -Prompt 'the boat drifts under a bridge' -Model $_
        )
        ($tasks | ForEach-Object Mode) | Should -Be 'Text', 'FirstFrame', 'FirstAndLastFrame', 'Reference', 'Extend'
        $files = $tasks | Wait-VeoTask | Save-VeoVideo -Path $folder
        $files.Count | Should -Be 5
        $files | ForEach-Object { $_.DirectoryName | Should -Be (Get-Item $folder).FullName }
        $files[0].Name | Should -Be (($text.TaskId -replace '/', '_') + '.mp4')
        ((Get-SimRequest | Where-Object pathAndQuery -Like '/v1beta/models/*:predictLongRunning' | Select-Object -Last 1).body | ConvertFrom-Json).instances[0].video.uri |
            Should -Be $text.Videos[0].Uri.AbsoluteUri
    }

    It 'never puts the key in a URL, and sends it to storage never' {
        $null = New-VeoTextVideo -Prompt 'a lighthouse' @google -Wait | Save-VeoVideo -Path (Join-Path $TestDrive 'google-key')
        $requests = Get-SimRequest
        $requests | Where-Object { $_.pathAndQuery -match [regex]::Escape($sim.ApiKey) } | Should -BeNullOrEmpty
        $requests | Where-Object { $_.pathAndQuery -like '/v1beta/*' -and -not $_.hadAuthorization } | Should -BeNullOrEmpty
        $storage = @($requests | Where-Object pathAndQuery -Like '/sim/videos/*')
        $storage.Count | Should -BeGreaterThan 0
        $storage | Where-Object hadAuthorization | Should -BeNullOrEmpty
    }

    It 'fails a safety-filtered task with TaskFailed, saying it was filtered' {
        New-VeoTextVideo -Prompt '[sim:filtered] a fox' @google | Wait-VeoTask -ErrorAction SilentlyContinue -ErrorVariable failure | Should -BeNullOrEmpty
        $failure[0].FullyQualifiedErrorId | Should -BeLike 'TaskFailed,*'
        $failure[0].Exception.Message | Should -Match "safety filters removed 1 video\(s\).*RAI_MEDIA_FILTERED"
    }

    It 'reports a wrong key as AuthenticationFailed (Google''s API_KEY_INVALID), without showing it' {
        $wrongKey = 'wrong-key-' + [guid]::NewGuid()
        New-VeoTextVideo -Prompt 'a fox' -Provider Google -BaseUri $sim.BaseUri -ApiKey $wrongKey -ErrorAction SilentlyContinue -ErrorVariable failure |
            Should -BeNullOrEmpty
        $failure[0].FullyQualifiedErrorId | Should -BeLike 'AuthenticationFailed,*'
        $all = Get-VeoTask 'models/veo-3.1-generate-preview/operations/abc' -Provider Google -BaseUri $sim.BaseUri -ApiKey $wrongKey -ErrorAction Continue *>&1 | Out-String
        $all | Should -Match 'HTTP 400 API_KEY_INVALID'
        $all | Should -Not -Match $wrongKey
    }

    It 'refuses <Case> locally with <ErrorId>, sending nothing' -ForEach @(
        @{ Case = '1080p at 4 s'; ErrorId = 'DurationNotAllowed'; Command = { New-VeoTextVideo -Prompt 'p' -Resolution 1080p -DurationSeconds 4 @google } }
        @{ Case = 'reference images at 9:16'; ErrorId = 'AspectRatioNotAllowed'; Command = { New-VeoReferenceVideo -Prompt 'p' -ReferenceImage $first -AspectRatio 9:16 @google } }
        @{ Case = 'interpolation at 6 s'; ErrorId = 'DurationNotAllowed'; Command = { New-VeoFrameVideo -Prompt 'p' -Image $first -LastImage $last -DurationSeconds 6 @google } }
        @{ Case = 'a seed'; ErrorId = 'OptionNotSupported'; Command = { New-VeoTextVideo -Prompt 'p' -Seed 1 @google } }
        @{ Case = 'the Lite tier'; ErrorId = 'ModelNotAvailable'; Command = { New-VeoTextVideo -Prompt 'p' -Model Lite @google } }
    ) {
        $before = Get-CreateCount
        $Command | Should -Throw -ErrorId "$ErrorId,*"
        Get-CreateCount | Should -Be $before
    }

    It 'refuses to extend a video Google did not make, sending nothing' {
        $before = Get-CreateCount
        New-VeoExtendedVideo -Prompt 'p' -Video 'https://example.com/clip.mp4' @google -ErrorAction SilentlyContinue -ErrorVariable failure | Should -BeNullOrEmpty
        $failure[0].FullyQualifiedErrorId | Should -BeLike 'VideoUrlRequired,*'
        Get-CreateCount | Should -Be $before
    }

    It 'takes the key from $env:GOOGLE_API_KEY, then $env:GEMINI_API_KEY, then $env:VEO_API_KEY' {
        $saved = $env:GOOGLE_API_KEY, $env:GEMINI_API_KEY, $env:VEO_API_KEY
        try {
            $env:GOOGLE_API_KEY = $null; $env:GEMINI_API_KEY = $null; $env:VEO_API_KEY = 'v'
            (Connect-Veo -Provider Google -PassThru).KeySource | Should -Be '$env:VEO_API_KEY'
            $env:GEMINI_API_KEY = 'g'
            (Connect-Veo -Provider Google -PassThru).KeySource | Should -Be '$env:GEMINI_API_KEY'
            $env:GOOGLE_API_KEY = 'k'
            $connection = Connect-Veo -Provider Google -PassThru
            $connection.KeySource | Should -Be '$env:GOOGLE_API_KEY'
            $connection.BaseUri | Should -Be 'https://generativelanguage.googleapis.com/'
        }
        finally {
            $env:GOOGLE_API_KEY, $env:GEMINI_API_KEY, $env:VEO_API_KEY = $saved
            Connect-Veo -Provider HighwayApi -BaseUri $sim.BaseUri -ApiKey $sim.ApiKey
        }
    }
}

Describe 'New-VeoTextVideo and New-VeoExtendedVideo' {
    It 'makes a text-to-video clip on <_> and continues it on the same provider' -ForEach 'HighwayApi', 'AIHubMax', 'Vtrix' {
        $connection = @{ Provider = $_; BaseUri = $sim.BaseUri; ApiKey = $sim.ApiKey }
        $clip = New-VeoTextVideo -Prompt 'a paper boat on a river' @connection | Wait-VeoTask
        $clip.Mode | Should -Be 'Text'
        $clip.Status | Should -Be 'Succeeded'

        $extension = $clip | New-VeoExtendedVideo -Prompt 'the boat drifts under a bridge'
        $extension.Provider | Should -Be $_
        $extension.Mode | Should -Be 'Extend'
        ($extension | Wait-VeoTask | Save-VeoVideo -Path (Join-Path $TestDrive "extended-$_")).Extension | Should -Be '.mp4'
    }

    It 'sends generate_audio to HighwayAPI text-to-video even when not asked for' {
        $null = New-VeoTextVideo -Prompt 'a storm'
        ((Get-LastCreate).body | ConvertFrom-Json).generate_audio | Should -BeFalse
    }

    It 'extends a local MP4, uploading it first on AIHubMax' {
        $clip = Join-Path $TestDrive 'local.mp4'
        $null = New-VeoTextVideo -Prompt 'a clip to extend' -Wait | Save-VeoVideo -Path $clip
        $task = New-VeoExtendedVideo -Prompt 'go on' -Video $clip -Provider AIHubMax -BaseUri $sim.BaseUri -ApiKey $sim.ApiKey
        $task.Model | Should -Be 'veo-3.1-extend-fast'
        ((Get-LastCreate).body | ConvertFrom-Json).video_url | Should -BeLike "$($sim.BaseUri)sim/files/*"
    }

    It 'refuses a task that has not finished with TaskHasNoVideo, sending nothing' {
        $task = New-VeoTextVideo -Prompt 'not yet'
        $before = Get-CreateCount
        $task | New-VeoExtendedVideo -Prompt 'go on' -ErrorAction SilentlyContinue -ErrorVariable failure | Should -BeNullOrEmpty
        $failure[0].FullyQualifiedErrorId | Should -BeLike 'TaskHasNoVideo,*'
        Get-CreateCount | Should -Be $before
    }

    It 'refuses a Vtrix extension at 1080p before sending' {
        { New-VeoExtendedVideo -Prompt 'go on' -Video 'https://example.com/clip.mp4' -Resolution 1080p -Provider Vtrix -BaseUri $sim.BaseUri -ApiKey $sim.ApiKey } |
            Should -Throw -ErrorId 'ResolutionNotAllowed,*'
    }

    It 'takes a model id for -Model' {
        (New-VeoTextVideo -Prompt 'a storm' -Model 'veo-3.1-lite-t2v').Model | Should -Be 'veo-3.1-lite-t2v'
    }

    It 'refuses a model id that makes another kind of video, naming both, and sends nothing' {
        $before = Get-CreateCount
        { New-VeoFrameVideo -Prompt 'a fox' -Image $first -LastImage $last -Model 'veo-3.1-lite-i2v' } |
            Should -Throw -ErrorId 'ModelNotAvailable,*' -ExpectedMessage '*veo-3.1-lite-i2v makes FirstFrame videos*FirstAndLastFrame*'
        Get-CreateCount | Should -Be $before
    }
}

Describe 'Batches from CSV' {
    It 'names a bad row by its position, counting rows PowerShell refused, and never shows a key column' {
        $rows = @(
            [pscustomobject]@{ Prompt = 'ok'; Image = $first; ApiKey = 'row-secret-key' }
            [pscustomobject]@{ Prompt = 'refused by PowerShell'; Image = $first; Model = 'Bogus' }
            [pscustomobject]@{ Prompt = 'bad'; Image = $first; ApiKey = 'row-secret-key'; Resolution = '8k' }
        )
        $rows | New-VeoFrameVideo -WhatIf -ErrorAction SilentlyContinue -ErrorVariable bad 6>$null
        $bad | Should -HaveCount 2
        $bad[0].FullyQualifiedErrorId | Should -BeLike 'ParameterArgumentValidationError,*' -Because 'PowerShell refuses a bad -Model while binding'
        $bad[1].FullyQualifiedErrorId | Should -BeLike 'ResolutionNotAllowed,*'
        $bad[1].ErrorDetails.Message | Should -Match "^Row 3: .*Resolution='8k'"
        $bad[1].ErrorDetails.Message | Should -Not -Match 'row-secret-key|WhatIf'
        $bad[1].TargetObject | Should -Be $rows[2]
    }

    It 'makes one task per row, reports a bad row as one error naming its values, and goes on with the others' {
        $csv = Join-Path $TestDrive 'prompts.csv'
        @(
            [pscustomobject]@{ Prompt = 'row one'; Image = $first; Model = 'Fast'; DurationSeconds = '4'; GenerateAudio = 'true'; Resolution = '720p' }
            [pscustomobject]@{ Prompt = 'row two'; Image = $first; Model = 'Fast'; DurationSeconds = '5'; GenerateAudio = 'false'; Resolution = '720p' }
            [pscustomobject]@{ Prompt = 'row three'; Image = $last; Model = 'Lite'; DurationSeconds = '8'; GenerateAudio = ''; Resolution = '1080p' }
        ) | Export-Csv $csv -NoTypeInformation
        $folder = Join-Path $TestDrive 'batch'

        $files = Import-Csv $csv | New-VeoFrameVideo -ErrorAction SilentlyContinue -ErrorVariable bad | Wait-VeoTask | Save-VeoVideo -Path $folder

        $files | Should -HaveCount 2
        $bad | Should -HaveCount 1
        $bad[0].FullyQualifiedErrorId | Should -BeLike 'DurationNotAllowed,*'
        $bad[0].ErrorDetails.Message | Should -Match '^Row 2: '
        $bad[0].ErrorDetails.Message | Should -Match "Prompt='row two'"
        $bad[0].ErrorDetails.Message | Should -Match "DurationSeconds='5'"
        $bad[0].ErrorDetails.Message | Should -Not -Match 'ErrorAction|ErrorVariable'
        # The row itself is the target: exporting the targets gives back exactly the rows to fix.
        $fix = Join-Path $TestDrive 'fix.csv'
        $bad.TargetObject | Export-Csv $fix -NoTypeInformation
        Get-Content $fix | Should -Be @(Get-Content $csv)[0, 2]
        # Rows are created concurrently (-ThrottleLimit): the ledger has them in the order their answers came.
        $created = Get-VeoTask -Last 2
        $created.Prompt | Sort-Object | Should -Be @('row one', 'row three')
    }
}

Describe 'Re-runnable batches' {
    BeforeAll {
        function New-Key { "row-$([guid]::NewGuid().ToString('n').Substring(0, 8))" }
        function Set-CreateLatency([int] $Ms) {
            Invoke-VeoSimulatorControl -Simulator $sim -Path timings -Method Post -Body @{ createLatencyMs = $Ms }
        }
        function Add-CreateFault([hashtable] $Fault) {
            Invoke-VeoSimulatorControl -Simulator $sim -Path faults -Method Post -Body (@{ target = 'Create' } + $Fault)
        }
        function Invoke-Batch([string] $Script) {
            $env:HIGHWAYAPI_API_KEY = $sim.ApiKey
            try { Invoke-ChildPowerShell "Import-Module '$manifest'; $Script" }
            finally { Remove-Item Env:HIGHWAYAPI_API_KEY }
        }
    }
    AfterEach { Set-CreateLatency 0; Set-SimTiming 900 }

    It 'reuses the task of a key used for the same request: nothing is sent, the task is read afresh, Verbose says so' {
        $key = New-Key
        $task = New-VeoFrameVideo -Prompt 'keyed fox' -Image $first -IdempotencyKey $key
        $task.IdempotencyKey | Should -Be $key
        $before = Get-CreateCount
        $again = New-VeoFrameVideo -Prompt 'keyed fox' -Image $first -Key $key -Verbose 4>&1
        $reused = $again | Where-Object { $_ -is [Veo.Client.VeoTask] }
        $reused.TaskId | Should -Be $task.TaskId
        $reused.RetrievedAt | Should -BeGreaterThan $task.RetrievedAt
        ($again | Where-Object { $_ -is [Management.Automation.VerboseRecord] }).Message -join "`n" | Should -Match "names task $($task.TaskId), made from the same request: reusing it, nothing is sent"
        Get-CreateCount | Should -Be $before
    }

    It 'refuses a key used for a different request with IdempotencyKeyConflict and sends nothing' {
        $key = New-Key
        $null = New-VeoFrameVideo -Prompt 'first request' -Image $first -IdempotencyKey $key
        $before = Get-CreateCount
        foreach ($changed in @(@{ Prompt = 'another request' }, @{ Image = $last }, @{ DurationSeconds = 4 }, @{ Model = 'Lite' })) {
            $arguments = @{ Prompt = 'first request'; Image = $first; IdempotencyKey = $key }
            foreach ($name in $changed.Keys) { $arguments[$name] = $changed[$name] }
            $out = New-VeoFrameVideo @arguments -ErrorAction SilentlyContinue -ErrorVariable conflict
            $out | Should -BeNullOrEmpty
            $conflict[0].FullyQualifiedErrorId | Should -BeLike 'IdempotencyKeyConflict,*'
        }
        Get-CreateCount | Should -Be $before
    }

    It 'gives rows of one run that repeat a key the first row''s task, or a conflict for another request' {
        $key = New-Key
        Set-CreateLatency 500
        $before = Get-CreateCount
        $rows = @(
            [pscustomobject]@{ Prompt = 'twice in one batch'; IdempotencyKey = $key }
            [pscustomobject]@{ Prompt = 'twice in one batch'; IdempotencyKey = $key }
            [pscustomobject]@{ Prompt = 'not the same request'; IdempotencyKey = $key }
        )
        $out = $rows | New-VeoFrameVideo -Image $first -ErrorAction SilentlyContinue -ErrorVariable conflict
        @($out).Count | Should -Be 2
        $out[1].TaskId | Should -Be $out[0].TaskId
        $conflict.Count | Should -Be 1
        $conflict[0].FullyQualifiedErrorId | Should -BeLike 'IdempotencyKeyConflict,*'
        $conflict[0].TargetObject | Should -Be $rows[2]
        $conflict[0].ErrorDetails.Message | Should -Match "^Row 3: The idempotency key '$key' was used for a different request"
        Get-CreateCount | Should -Be ($before + 1)
    }

    It 'creates a new task when the key''s task failed, and the key then names the new one' {
        $key = New-Key
        $failed = New-VeoFrameVideo -Prompt '[sim:fail] doomed' -Image $first -Key $key
        $failed | Wait-VeoTask -ErrorAction SilentlyContinue
        $before = Get-CreateCount
        $retried = New-VeoFrameVideo -Prompt '[sim:fail] doomed' -Image $first -Key $key
        $retried.TaskId | Should -Not -Be $failed.TaskId
        Get-CreateCount | Should -Be ($before + 1)
        (Get-VeoTask -Local | Where-Object IdempotencyKey -EQ $key).TaskId | Should -Be @($retried.TaskId, $failed.TaskId)
        # Still unknown to have failed: reused, and found to have failed only when read afresh.
        Start-Sleep -Seconds 2
        $third = New-VeoFrameVideo -Prompt '[sim:fail] doomed' -Image $first -Key $key
        $third.TaskId | Should -Not -BeIn @($failed.TaskId, $retried.TaskId)
        Get-CreateCount | Should -Be ($before + 2)
    }

    It 'refuses a key whose create has no known outcome with CreateOutcomeUnknown, unless -Force' {
        $key = New-Key
        Add-CreateFault @{ kind = 'reset' }
        New-VeoFrameVideo -Prompt 'lost answer' -Image $first -Key $key -ErrorAction SilentlyContinue -ErrorVariable lost | Should -BeNullOrEmpty
        $lost[0].FullyQualifiedErrorId | Should -BeLike 'CreateOutcomeUnknown,*'
        $before = Get-CreateCount
        New-VeoFrameVideo -Prompt 'lost answer' -Image $first -Key $key -ErrorAction SilentlyContinue -ErrorVariable unknown | Should -BeNullOrEmpty
        $unknown[0].FullyQualifiedErrorId | Should -BeLike 'CreateOutcomeUnknown,*'
        $unknown[0].Exception.Message | Should -Match "was sent to HighwayApi at \d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ"
        $unknown[0].Exception.Message | Should -Match 'Get-VeoTask -Local'
        Get-CreateCount | Should -Be $before
        (New-VeoFrameVideo -Prompt 'lost answer' -Image $first -Key $key -Force).IdempotencyKey | Should -Be $key
        Get-CreateCount | Should -Be ($before + 1)
    }

    It 'sends up to -ThrottleLimit creates at once and emits the tasks in input order' {
        Set-CreateLatency 2000
        $rows = 1..4 | ForEach-Object { [pscustomobject]@{ Prompt = "throttled $_"; Image = $first } }
        $clock = [Diagnostics.Stopwatch]::StartNew()
        $tasks = $rows | New-VeoFrameVideo -ThrottleLimit 4
        $clock.Elapsed.TotalSeconds | Should -BeLessThan 6   # one after another: 8 s or more
        $tasks.Prompt | Should -Be $rows.Prompt
        { $rows | New-VeoFrameVideo -ThrottleLimit 65 } | Should -Throw
    }

    It 'sends a create refused with 429 again after Retry-After, and never one whose fate is unknown' {
        Add-CreateFault @{ kind = 'status'; status = 429; retryAfter = 1 }
        $before = Get-CreateCount
        $task = New-VeoFrameVideo -Prompt 'rate limited' -Image $first
        $task.TaskId | Should -Not -BeNullOrEmpty
        Get-CreateCount | Should -Be ($before + 2)
        Add-CreateFault @{ kind = 'reset' }
        New-VeoFrameVideo -Prompt 'cut off' -Image $first -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        Get-CreateCount | Should -Be ($before + 3)
    }

    It 'takes blank CSV cells as not given, so one CSV mixes image-to-video and first/last-frame rows' {
        $csv = Join-Path $TestDrive 'mixed.csv'
        @(
            [pscustomobject]@{ Prompt = 'no seed'; Image = $first; LastImage = ''; Seed = ''; DurationSeconds = ''; GenerateAudio = ''; Resolution = ''; Wait = ''; TimeoutSeconds = '' }
            [pscustomobject]@{ Prompt = 'two frames'; Image = $first; LastImage = $last; Seed = '7'; DurationSeconds = '6'; GenerateAudio = 'true'; Resolution = '720p'; Wait = 'true'; TimeoutSeconds = '300' }
        ) | Export-Csv $csv -NoTypeInformation
        $before = @(Get-SimRequest | Where-Object method -EQ 'POST').Count
        $tasks = Import-Csv $csv | New-VeoFrameVideo -ThrottleLimit 1
        $tasks.Mode | Should -Be @('FirstFrame', 'FirstAndLastFrame')
        $tasks.Status | Should -Be @('Queued', 'Succeeded')   # -Wait from the second row's cell
        $bodies = Get-SimRequest | Where-Object method -EQ 'POST' | Select-Object -Skip $before | ForEach-Object { $_.body | ConvertFrom-Json }
        $bodies[0].PSObject.Properties.Name | Should -Not -Contain 'seed'
        $bodies[0].PSObject.Properties.Name | Should -Not -Contain 'generate_audio'
        $bodies[0].duration_seconds | Should -Be 8
        $bodies[1].seed | Should -Be 7
        $bodies[1].generate_audio | Should -BeTrue
    }

    It 'takes task ids as strings: Wait-VeoTask by position and by value, Save-VeoVideo by value' {
        $task = New-VeoFrameVideo -Prompt 'by id' -Image $first
        (Wait-VeoTask $task.TaskId).Status | Should -Be 'Succeeded'
        ($task.TaskId | Wait-VeoTask).Status | Should -Be 'Succeeded'
        ($task.TaskId | Save-VeoVideo -Path (Join-Path $TestDrive 'ids')).Name | Should -Be "$($task.TaskId).mp4"
    }

    It 'names files by key (unsafe characters as _), keeps -2 suffixes, and emits FileInfo as Get-Item does' {
        $folder = Join-Path $TestDrive 'named'
        $file = New-VeoFrameVideo -Prompt 'named' -Image $first -Key 'jobs/fox:1' -Wait | Save-VeoVideo -Path $folder
        $file.Name | Should -Be 'jobs_fox_1.mp4'
        $item = Get-Item $file.FullName
        foreach ($property in 'PSPath', 'PSParentPath', 'PSChildName', 'PSDrive', 'PSProvider') {
            "$($file.$property)" | Should -Be "$($item.$property)"
        }
        $file.PSPath | Should -BeLike 'Microsoft.PowerShell.Core\FileSystem::*'
        $key = New-Key
        $files = New-VeoReferenceVideo -Prompt 'two samples' -ReferenceImage $first -SampleCount 2 -Key $key -Wait | Save-VeoVideo -Path $folder
        $files.Name | Should -Be @("$key-1.mp4", "$key-2.mp4")
    }

    It 'lists the ledger with -Local (newest first, -Last, no request sent) and what is left with -Unsaved' {
        $saved = New-VeoFrameVideo -Prompt 'will be saved' -Image $first -Key (New-Key) -Wait
        $file = $saved | Save-VeoVideo -Path (Join-Path $TestDrive 'local')
        $pending = New-VeoFrameVideo -Prompt 'not saved yet' -Image $first -Key (New-Key)
        $requests = @(Get-SimRequest).Count
        $local = Get-VeoTask -Local -Last 2
        @(Get-SimRequest).Count | Should -Be $requests
        $local.TaskId | Should -Be @($pending.TaskId, $saved.TaskId)
        $local[1].Status | Should -Be 'Succeeded'
        $local[1].SavedFiles | Should -Be @($file.FullName)
        $local[1].IdempotencyKey | Should -Be $saved.IdempotencyKey
        $unsaved = Get-VeoTask -Local -Unsaved
        $unsaved.TaskId | Should -Contain $pending.TaskId
        $unsaved.TaskId | Should -Not -Contain $saved.TaskId
        (Get-VeoTask -Local).Count | Should -BeGreaterThan 2
        # The default view is a table: status, how many files were saved, the key and the whole id at 160 columns.
        $table = $local | Out-String -Width 160
        $table | Should -Match '(?m)^Created\s+Provider\s+Mode\s+Status\s+Saved\s+Key\s+TaskId\s+Prompt'
        $table | Should -Match ("Succeeded\s+1\s+$([regex]::Escape($saved.IdempotencyKey.Substring(0, [Math]::Min(11, $saved.IdempotencyKey.Length))))")
        $table | Should -Match ([regex]::Escape($saved.TaskId))
    }

    It 'creates each row once and ends with one file per row, re-run in a new pwsh and after a kill mid-way' {
        Set-SimTiming 3000
        $csv = Join-Path $TestDrive 'jobs.csv'
        $tag = New-Key
        1..3 | ForEach-Object { [pscustomobject]@{ IdempotencyKey = "$tag-$_"; Prompt = "job $_ $tag"; Image = $first } } | Export-Csv $csv -NoTypeInformation
        $out = Join-Path $TestDrive "jobs-$tag"
        $pipeline = "Import-Csv '$csv' | New-VeoFrameVideo -BaseUri '$($sim.BaseUri)' | Wait-VeoTask | Save-VeoVideo -Path '$out' | Out-Null"
        $before = Get-CreateCount

        # Killed while it waits: every create has been answered, nothing saved.
        $env:HIGHWAYAPI_API_KEY = $sim.ApiKey
        $child = Get-ChildPowerShell
        $start = [Diagnostics.ProcessStartInfo]::new($child.Program)
        foreach ($argument in @($child.Prefix) + @('-NoProfile', '-Command', "Import-Module '$manifest'; $pipeline")) { $start.ArgumentList.Add($argument) }
        $killed = [Diagnostics.Process]::Start($start)
        Remove-Item Env:HIGHWAYAPI_API_KEY
        $deadline = [DateTime]::UtcNow.AddSeconds(60)
        while ((Get-CreateCount) -lt $before + 3 -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 100 }
        Start-Sleep -Milliseconds 500
        $killed.Kill($true)
        $killed.WaitForExit()
        Get-ChildItem $out -Filter *.mp4 -ErrorAction SilentlyContinue | Should -BeNullOrEmpty

        Invoke-Batch $pipeline
        Invoke-Batch "$pipeline; if (`$Error.Count) { throw `$Error[0] }"
        Get-CreateCount | Should -Be ($before + 3)
        (Get-ChildItem $out -Filter *.mp4).Name | Sort-Object | Should -Be @("$tag-1.mp4", "$tag-2.mp4", "$tag-3.mp4")
    }
}

Describe 'Wait-VeoTask' {
    AfterEach { Set-SimTiming 900 }

    It 'shows one bar: state, percent and time left first, a short id, and N of M finished for many tasks' {
        Set-SimTiming 2500
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddScript({
                    param($Manifest, $BaseUri, $ApiKey)
                    Import-Module $Manifest
                    Connect-Veo HighwayApi -BaseUri $BaseUri -ApiKey $ApiKey
                    $one = New-VeoTextVideo -Prompt 'one' | Wait-VeoTask
                    $many = 'a', 'b', 'c' | ForEach-Object { New-VeoTextVideo -Prompt $_ } | Wait-VeoTask
                    @($one) + @($many)
                }).AddArgument($manifest).AddArgument($sim.BaseUri).AddArgument($sim.ApiKey)
            $tasks = $ps.Invoke()
            $progress = @($ps.Streams.Progress)
        }
        finally { $ps.Dispose() }

        $tasks | Should -HaveCount 4
        $single = @($progress | Where-Object Activity -EQ 'Veo task')
        $single.Count | Should -BeGreaterThan 1
        $single.StatusDescription | Should -Match '^(Queued|Running \d+%|Succeeded)(, about \d+ s left)? · task …[0-9a-f]{8}$'
        ($single.StatusDescription -join "`n") | Should -Not -Match ([regex]::Escape($tasks[0].TaskId))
        ($single.StatusDescription -join "`n") | Should -Match 'Running \d+%'
        $many = @($progress | Where-Object Activity -Match '^Veo tasks: \d of 3 finished$')
        $many.Count | Should -BeGreaterThan 3
        $many[-1].Activity | Should -Be 'Veo tasks: 3 of 3 finished'
        $many[-1].RecordType | Should -Be 'Completed'
        $many.PercentComplete | Should -Be ($many.PercentComplete | Sort-Object) -Because 'the overall bar only moves forward'
    }

    It 'waits for several tasks at once and emits each as soon as it is done' {
        Set-SimTiming 4000
        $slow = New-VeoFrameVideo -Prompt 'slow' -Image $first
        Set-SimTiming 300
        $fast = New-VeoFrameVideo -Prompt 'fast' -Image $first
        $done = $slow, $fast | Wait-VeoTask
        $done.TaskId | Should -Be @($fast.TaskId, $slow.TaskId)
        $done.Status | Should -Be @('Succeeded', 'Succeeded')
    }

    It 'takes task ids by property name' {
        $task = New-VeoFrameVideo -Prompt 'a fox' -Image $first
        ([pscustomobject]@{ TaskId = $task.TaskId } | Wait-VeoTask).Status | Should -Be 'Succeeded'
    }

    It 'reports a failed task as TaskFailed with the task as target, and emits nothing' {
        $out = New-VeoFrameVideo -Prompt '[sim:fail] a fox' -Image $first | Wait-VeoTask -ErrorAction SilentlyContinue -ErrorVariable failure
        $out | Should -BeNullOrEmpty
        $failure[0].FullyQualifiedErrorId | Should -BeLike 'TaskFailed,*'
        $failure[0].TargetObject.Status | Should -Be 'Failed'
        $failure[0].Exception.Message | Should -Match 'safety filter'
    }

    It 'ends a wait past -TimeoutSeconds with WaitTimedOut and the latest task, which can be waited for again' {
        Set-SimTiming 2500
        $task = New-VeoFrameVideo -Prompt 'a fox' -Image $first
        $task | Wait-VeoTask -TimeoutSeconds 1 -ErrorAction SilentlyContinue -ErrorVariable failure | Should -BeNullOrEmpty
        $failure[0].FullyQualifiedErrorId | Should -BeLike 'WaitTimedOut,*'
        $latest = $failure[0].TargetObject
        $latest | Should -BeOfType ([Veo.Client.VeoTask])
        ($latest | Wait-VeoTask).Status | Should -Be 'Succeeded'
    }

    It 'stops promptly when the pipeline is stopped (Ctrl+C)' {
        Set-SimTiming 60000
        $task = New-VeoFrameVideo -Prompt 'a long one' -Image $first
        $shell = [powershell]::Create()
        $null = $shell.AddScript({ param($m, $t) Import-Module $m; $t | Wait-VeoTask }).AddArgument($manifest).AddArgument($task)
        $running = $shell.BeginInvoke()
        Start-Sleep -Milliseconds 1500
        $clock = [Diagnostics.Stopwatch]::StartNew()
        $shell.Stop()
        $clock.Elapsed.TotalSeconds | Should -BeLessThan 2
        $running.IsCompleted | Should -BeTrue
        $shell.Dispose()
        ($task | Get-VeoTask).Status | Should -Be 'Running'
    }
}

Describe 'Save-VeoVideo' {
    It 'bounds waiting and downloading by -TimeoutSeconds, whatever the link does' {
        $task = New-VeoFrameVideo -Prompt 'a fox' -Image $first -Wait
        $folder = Join-Path $TestDrive 'trickled'
        # One byte a second: without a bound on the whole run, this download would take hours.
        Invoke-VeoSimulatorControl -Simulator $sim -Path faults -Method Post -Body @{ target = 'Download'; kind = 'trickle'; delayMs = 1000 }
        $clock = [Diagnostics.Stopwatch]::StartNew()
        $task | Save-VeoVideo -Path $folder -TimeoutSeconds 3 -ErrorAction SilentlyContinue -ErrorVariable failure | Should -BeNullOrEmpty
        $clock.Elapsed.TotalSeconds | Should -BeLessThan 20
        $failure[0].FullyQualifiedErrorId | Should -BeLike 'DownloadTimedOut,*'
        Get-ChildItem $folder -Force -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'saves the video of New | Wait | Save as an MP4 and emits its FileInfo' {
        $file = New-VeoFrameVideo -Prompt 'a fox' -Image $first -LastImage $last | Wait-VeoTask | Save-VeoVideo -Path $TestDrive
        $file | Should -BeOfType ([IO.FileInfo])
        $file.Extension | Should -Be '.mp4'
        [Text.Encoding]::ASCII.GetString([IO.File]::ReadAllBytes($file.FullName), 4, 4) | Should -Be 'ftyp'
        Get-ChildItem $TestDrive -Force -Filter '*.partial' | Should -BeNullOrEmpty
    }

    It 'saves every video of a task with several samples' {
        $folder = Join-Path $TestDrive 'samples'
        $task = New-VeoReferenceVideo -Prompt 'a fox' -ReferenceImage $first -SampleCount 2 -Wait
        $files = $task | Save-VeoVideo -Path $folder
        $files.Name | Should -Be @("$($task.TaskId)-1.mp4", "$($task.TaskId)-2.mp4")
    }

    It 'waits first for an unfinished task and saves to a file name' {
        $path = Join-Path $TestDrive 'named.mp4'
        (New-VeoFrameVideo -Prompt 'a fox' -Image $first | Save-VeoVideo -Path $path).FullName | Should -Be $path
    }

    It 'keeps an existing file unless -Force' {
        $task = New-VeoFrameVideo -Prompt 'a fox' -Image $first -Wait
        $path = Join-Path $TestDrive 'existing.mp4'
        Set-Content $path 'precious'
        $task | Save-VeoVideo -Path $path -ErrorAction SilentlyContinue -ErrorVariable failure | Should -BeNullOrEmpty
        $failure[0].FullyQualifiedErrorId | Should -BeLike 'VideoFileExists,*'
        Get-Content $path | Should -Be 'precious'
        ($task | Save-VeoVideo -Path $path -Force).Length | Should -BeGreaterThan 100
    }

    It '-WhatIf downloads nothing' {
        $task = New-VeoFrameVideo -Prompt 'a fox' -Image $first -Wait
        $folder = Join-Path $TestDrive 'whatif'
        $task | Save-VeoVideo -Path $folder -WhatIf | Should -BeNullOrEmpty
        $folder | Should -Not -Exist
    }

    It 'downloads several tasks at once but emits their files in the order the tasks came in' {
        Set-SimTiming 2500
        $slow = New-VeoFrameVideo -Prompt 'slow' -Image $first
        Set-SimTiming 200
        $fast = New-VeoFrameVideo -Prompt 'fast' -Image $first
        Set-SimTiming 900
        $files = $slow, $fast | Save-VeoVideo -Path (Join-Path $TestDrive 'ordered') -ThrottleLimit 2
        $files.Name | Should -Be @("$($slow.TaskId).mp4", "$($fast.TaskId).mp4")
        # The fast task's file was written first: the order above is the input order, not the finishing order.
        $files[1].LastWriteTimeUtc | Should -BeLessThan $files[0].LastWriteTimeUtc
    }

    It 'takes task ids by property name' {
        $task = New-VeoFrameVideo -Prompt 'a fox' -Image $first -Wait
        $file = [pscustomobject]@{ Id = $task.TaskId } | Save-VeoVideo -Path (Join-Path $TestDrive 'byid')
        $file.Name | Should -Be "$($task.TaskId).mp4"
    }
}

Describe 'Output and secrets' {
    BeforeAll {
        # Tasks of providers this session has no key for: a ledger of their own, so later -Last reads do not meet them.
        $savedHome = $env:VEO_HOME
        $env:VEO_HOME = Join-Path $TestDrive 'output-home'
        $tasks = foreach ($provider in 'HighwayApi', 'AIHubMax', 'Vtrix') {
            New-VeoTextVideo -Provider $provider -BaseUri $sim.BaseUri -ApiKey $sim.ApiKey -Prompt "A cat surfing a wave at sunset on $provider"
        }
        function Format-Width([int] $Width) { ($tasks | Format-Table | Out-String -Width $Width) -split "`r?`n" | Where-Object { $_ } }
    }
    AfterAll { $env:VEO_HOME = $savedHome }

    It 'shows every provider''s whole task id, and the prompt, from 120 columns' {
        foreach ($width in 120, 160) {
            $lines = Format-Width $width
            $lines[0] -split ' +' | Should -Be @('Created', 'Provider', 'Mode', 'Status', 'Videos', 'Cost', 'TaskId', 'Prompt')
            foreach ($task in $tasks) { $lines -match [regex]::Escape($task.TaskId) | Should -HaveCount 1 -Because "$($task.Provider)'s id at $width columns" }
        }
        (Format-Width 160) -match ([regex]::Escape($tasks[2].Prompt) + '\s*$') | Should -HaveCount 1 -Because 'the whole prompt fits at 160 columns'
    }

    It 'keeps every column but the prompt at 80 columns, cutting the id' {
        $lines = Format-Width 80
        ($lines | Measure-Object -Property Length -Maximum).Maximum | Should -BeLessOrEqual 80
        $lines[0] -split ' +' | Should -Be @('Created', 'Provider', 'Mode', 'Status', 'Videos', 'Cost', 'TaskId')
        $lines[2] | Should -Match ([regex]::Escape($tasks[0].TaskId.Substring(0, 8)))
        ($tasks[0] | Format-List | Out-String) | Should -Match ([regex]::Escape($tasks[0].TaskId))
    }

    It 'shows a running task''s percent in its status and the creation time' {
        $task = $tasks[0] | Get-VeoTask
        $line = ($task | Format-Table | Out-String -Width 160) -split "`r?`n" | Where-Object { $_ -match $task.TaskId }
        $line | Should -Match ("^" + [regex]::Escape($task.CreatedAt.LocalDateTime.ToString('dd MMM HH:mm', [cultureinfo]::InvariantCulture)))
        $line | Should -Match $(if ($task.Status -eq 'Running') { "Running $($task.Progress)%" } else { "$($task.Status)" })
    }

    It 'shows durations, resolutions and aspect ratios in the Get-VeoModel table, grouped by provider' {
        $lines = (Get-VeoModel -Mode FirstFrame | Format-Table | Out-String -Width 120) -split "`r?`n" | Where-Object { $_ }
        ($lines -match '^\s*Provider: ').Trim() | Should -Be @('Provider: HighwayApi', 'Provider: AIHubMax', 'Provider: Vtrix', 'Provider: Google')
        $lines[1] -split ' +' | Should -Be @('Mode', 'Tier', 'Seconds', 'Resolutions', 'AspectRatios', 'ModelId')
        $lines -match '^FirstFrame +Lite +4, 6, 8 +720p, 1080p +16:9, 9:16 +veo-3.1-lite-image-to-video$' | Should -HaveCount 1
        $lines -match '^FirstFrame +Standard +4, 6, 8 +720p, 1080p, 4k +16:9, 9:16 +veo-3.1-image-to-video$' | Should -HaveCount 1
    }

    It 'keeps every Get-VeoModel column, headers on one line, at 80 columns' {
        $lines = (Get-VeoModel -Provider Google | Format-Table | Out-String -Width 80) -split "`r?`n" | Where-Object { $_ }
        $lines[1] -split ' +' | Should -Be @('Mode', 'Tier', 'Seconds', 'Resolutions', 'AspectRatios', 'ModelId')
        $lines[2] | Should -Match '^-+( +-+){5}$'
        $lines | Where-Object Length -GT 80 | Should -BeNullOrEmpty
        $lines -match '^FirstFrame +Fast +4, 6, 8 +720p, 1080p, 4k +16:9, 9:16 +veo-3\.1-fast-ge' | Should -HaveCount 1
    }
}

Describe 'The simulator, by hand' {
    It 'documents its options and prompt markers in --help' {
        $help = & dotnet $simulatorDll --help
        $LASTEXITCODE | Should -Be 0
        $help -join "`n" | Should -Match '--task-seconds N'
        $help -join "`n" | Should -Match '\[sim:fail\]'
        $help -join "`n" | Should -Match '\[sim:seconds=N\]'
    }

    It 'makes tasks last --task-seconds, and one task [sim:seconds=N], and says how to connect' {
        $start = [Diagnostics.ProcessStartInfo]::new('dotnet')
        foreach ($argument in $simulatorDll, '--port', '0', '--task-seconds', '30') { $start.ArgumentList.Add($argument) }
        $start.RedirectStandardInput = $true
        $start.RedirectStandardOutput = $true
        $process = [Diagnostics.Process]::Start($start)
        # These tasks die with this simulator: keep them out of the suite's ledger, as README tells users to.
        $savedHome = $env:VEO_HOME
        $env:VEO_HOME = Join-Path $TestDrive 'by-hand-home'
        try {
            $listening = $process.StandardOutput.ReadLine()
            $listening | Should -Match '^Listening on http://127\.0\.0\.1:\d+/$'
            $baseUri = $listening.Substring('Listening on '.Length)
            $lines = 1..3 | ForEach-Object { $process.StandardOutput.ReadLine() }
            $lines -join "`n" | Should -Match ([regex]::Escape("Connect-Veo -Provider HighwayApi -BaseUri $baseUri -ApiKey sim-key"))
            $slow = New-VeoTextVideo -Prompt 'a fox' -BaseUri $baseUri -ApiKey sim-key
            $slower = New-VeoTextVideo -Prompt 'a fox [sim:seconds=300]' -BaseUri $baseUri -ApiKey sim-key
            Start-Sleep -Milliseconds 500
            ($slow | Get-VeoTask).EtaSeconds | Should -BeIn (25..30)
            ($slower | Get-VeoTask).EtaSeconds | Should -BeIn (290..300)
        }
        finally {
            $env:VEO_HOME = $savedHome
            $process.StandardInput.Close()
            if (-not $process.WaitForExit(5000)) { $process.Kill() }
            $process.Dispose()
        }
    }
}

Describe 'Secrets' {
    BeforeAll {
        $secret = 'veo-secret-' + [guid]::NewGuid().ToString('N')
        $secretSim = Start-VeoSimulator -Path $simulatorDll -ProcessingMilliseconds 300 -ApiKey $secret
        $secretHome = Join-Path $TestDrive 'secret-home'
        $savedHome = $env:VEO_HOME
        $env:VEO_HOME = $secretHome
    }
    AfterAll {
        Stop-VeoSimulator $secretSim
        $env:VEO_HOME = $savedHome
        Connect-Veo -Provider HighwayApi -BaseUri $sim.BaseUri -ApiKey $sim.ApiKey
    }

    It 'never shows the key in any stream, error, ledger or file, on success or failure, for <Provider>' -ForEach @(
        @{ Provider = 'HighwayApi' }, @{ Provider = 'AIHubMax' }, @{ Provider = 'Vtrix' }, @{ Provider = 'Google' }
    ) {
        $out = Join-Path $TestDrive "secret-$Provider"
        $Error.Clear()
        $streams = & {
            Connect-Veo -Provider $Provider -BaseUri $secretSim.BaseUri -ApiKey (ConvertTo-SecureString $secret -AsPlainText -Force) -PassThru -Verbose | Format-List * | Out-String
            Get-VeoModel -Provider $Provider | Format-List | Out-String
            $ref = New-VeoReferenceVideo -Prompt 'a fox' -ReferenceImage $first -Verbose -Debug
            $frame = New-VeoFrameVideo -Prompt 'a fox' -Image $first -LastImage $last -Verbose -Debug
            $ref, $frame | Wait-VeoTask -Verbose -Debug | Save-VeoVideo -Path $out -Verbose -Debug | Format-List | Out-String
            Get-VeoTask -TaskId $frame.TaskId -Verbose -Debug | Format-List * | Out-String
            Get-VeoTask -Last 3 -Verbose -Debug | Format-Table | Out-String
            # Failures: a failed task, a refused rule, a wrong key, and a wrong key given for one call.
            New-VeoFrameVideo -Prompt '[sim:fail] a fox' -Image $first -Verbose -Debug | Wait-VeoTask -Verbose -Debug -ErrorAction Continue
            try { New-VeoFrameVideo -Prompt 'a fox' -Image $first -DurationSeconds 5 -Verbose -Debug } catch { $_ | Format-List * -Force | Out-String }
            Get-VeoTask -TaskId $frame.TaskId -ApiKey ($secret + 'x') -Verbose -Debug -ErrorAction Continue
            # A provider that echoes the key's header back (Authorization; Google's x-goog-api-key), in a JSON error and in an HTML page.
            $echo = '{"code": 400, "reason": "INVALID_REQUEST_BODY", "message": "header {authorization}", "error": {"message": "header {authorization}"}}'
            Invoke-VeoSimulatorControl -Simulator $secretSim -Path faults -Method Post -Body @{ target = 'create'; kind = 'answer'; status = 400; body = $echo }
            New-VeoTextVideo -Prompt 'echo' -Verbose -Debug -ErrorAction Continue
            Invoke-VeoSimulatorControl -Simulator $secretSim -Path faults -Method Post -Body @{ target = 'status'; kind = 'answer'; status = 401; contentType = 'text/html'; body = '<html><pre>{authorization}</pre></html>' }
            Get-VeoTask -TaskId $frame.TaskId -Verbose -Debug -ErrorAction Continue
        } *>&1 | Out-String
        $errors = $Error | ForEach-Object { $_ | Format-List * -Force | Out-String; $_.Exception.ToString() }
        $files = Get-ChildItem $out, $secretHome -Recurse -File | ForEach-Object { [IO.File]::ReadAllText($_.FullName) }

        $streams | Should -Match 'POST'
        $streams | Should -Match 'TaskFailed|failed'
        # The echoes did come back, with the key masked (Google's header holds the key alone).
        $messages = ($Error | ForEach-Object { $_.Exception.Message }) -join "`n"
        $echoed = if ($Provider -eq 'Google') { '\*{8}' } else { 'Bearer \*{8}' }
        $messages | Should -Match "header $echoed"
        $messages | Should -Match "<pre>$echoed</pre>"
        $streams + ($errors -join '') + ($files -join '') | Should -Not -Match ([regex]::Escape($secret))
    }
}

Describe 'Hostile input and broken providers' {
    BeforeAll {
        # A ledger of its own: unusable lines are written here on purpose.
        $savedHome = $env:VEO_HOME
        $env:VEO_HOME = Join-Path $TestDrive 'hostile-home'
        $ledgerFile = Join-Path $env:VEO_HOME 'tasks.jsonl'
        function Get-ErrorId([scriptblock] $Command) {
            $ErrorActionPreference = 'Stop'
            try { & $Command | Out-Null; 'no error' } catch { ($_.FullyQualifiedErrorId -split ',')[0] }
        }
    }
    AfterAll { $env:VEO_HOME = $savedHome }

    It 'says a stopped create may have made a task, and keeps it on record for Get-VeoTask' {
        Invoke-VeoSimulatorControl -Simulator $sim -Path faults -Method Post -Body @{ target = 'create'; kind = 'delay'; delayMs = 20000 }
        $prompt = "stopped $([guid]::NewGuid())"
        $shell = [powershell]::Create()
        $null = $shell.AddScript({ param($m, $p, $i) Import-Module $m; New-VeoFrameVideo -Prompt $p -Image $i }).AddArgument($manifest).AddArgument($prompt).AddArgument($first)
        $running = $shell.BeginInvoke()
        $clock = [Diagnostics.Stopwatch]::StartNew()
        while (-not ((Test-Path $ledgerFile) -and (Select-String -Path $ledgerFile -Pattern $prompt -SimpleMatch -Quiet)) -and $clock.Elapsed.TotalSeconds -lt 15) {
            Start-Sleep -Milliseconds 100
        }
        $shell.Stop()
        $running.IsCompleted | Should -BeTrue
        $shell.Dispose()

        $intent = Get-Content $ledgerFile | Where-Object { $_.Contains($prompt) } | ConvertFrom-Json
        $intent.kind | Should -Be 'sending'
        $intent.PSObject.Properties['taskId'] | Should -BeNullOrEmpty
        $null = Get-VeoTask -Last 3 -WarningVariable warned -WarningAction SilentlyContinue
        ($warned -join "`n") | Should -Match "never named its task.*prompt '$([regex]::Escape($prompt))'|prompt '$([regex]::Escape($prompt))'.*never named its task"
    }

    It 'refuses a second task for one file name, -Force or not, and keeps the first video' {
        $one = New-VeoTextVideo -Prompt 'one' -Wait
        $two = New-VeoTextVideo -Prompt 'two' -Wait
        $path = Join-Path $TestDrive 'one.mp4'
        $files = $one, $two | Save-VeoVideo -Path $path -Force -ErrorVariable failure -ErrorAction SilentlyContinue
        @($files).Count | Should -Be 1
        $failure.Count | Should -Be 1
        $failure[0].FullyQualifiedErrorId | Should -BeLike 'VideoPathConflict,*'
        $failure[0].Exception.Message | Should -Match $two.TaskId
        Get-ChildItem $TestDrive -Force -Filter '*.partial' | Should -BeNullOrEmpty
    }

    It 'refuses a second task whose key names the same file in a folder' {
        $stem = "row $([guid]::NewGuid().ToString('N'))"
        $one = New-VeoTextVideo -Prompt 'one' -IdempotencyKey "$stem/a" -Wait
        $two = New-VeoTextVideo -Prompt 'two' -IdempotencyKey "${stem}:a" -Wait
        $folder = Join-Path $TestDrive 'by-key'
        $files = $one, $two | Save-VeoVideo -Path $folder -ErrorVariable failure -ErrorAction SilentlyContinue
        @($files).Name | Should -Be "$($stem)_a.mp4"
        $failure.Count | Should -Be 1
        $failure[0].FullyQualifiedErrorId | Should -BeLike 'VideoPathConflict,*'
        $failure[0].Exception.Message | Should -Match $two.TaskId
    }

    It 'takes an existing file without an extension as the file to write, kept unless -Force' {
        $task = New-VeoTextVideo -Prompt 'a fox' -Wait
        $path = Join-Path $TestDrive 'noextension'
        Set-Content $path 'precious'
        Get-ErrorId { $task | Save-VeoVideo -Path $path } | Should -Be 'VideoFileExists'
        ($task | Save-VeoVideo -Path $path -Force).FullName | Should -Be $path
        [Text.Encoding]::ASCII.GetString([IO.File]::ReadAllBytes($path), 4, 4) | Should -Be 'ftyp'
    }

    It 'refuses a device as -Path' -Skip:(-not $IsLinux) {
        $task = New-VeoTextVideo -Prompt 'a fox' -Wait
        Get-ErrorId { $task | Save-VeoVideo -Path /dev/null -Force } | Should -Be 'VideoPathNotWritable'
    }

    It 'refuses <Case> with <ErrorId>, sending nothing' -ForEach @(
        @{ Case = 'an empty -ApiKey'; ErrorId = 'NoApiKey'; Command = { New-VeoTextVideo -Prompt 'a fox' -ApiKey '' } }
        @{ Case = 'a key with a line break'; ErrorId = 'InvalidApiKey'; Command = { New-VeoTextVideo -Prompt 'a fox' -ApiKey "$($sim.ApiKey)`r`n" } }
        @{ Case = 'an ftp -BaseUri'; ErrorId = 'InvalidBaseUri'; Command = { New-VeoTextVideo -Prompt 'a fox' -BaseUri 'ftp://example.com/' } }
        @{ Case = 'a file -BaseUri'; ErrorId = 'InvalidBaseUri'; Command = { Get-VeoTask -TaskId 'x' -BaseUri 'file:///' } }
        @{ Case = 'a relative -BaseUri'; ErrorId = 'InvalidBaseUri'; Command = { Connect-Veo -Provider HighwayApi -BaseUri 'v3/async' } }
        @{ Case = 'a folder as -Image'; ErrorId = 'InputIsAFolder'; Command = { New-VeoFrameVideo -Prompt 'a fox' -Image $TestDrive } }
        @{ Case = 'a task id of dots'; ErrorId = 'InvalidTaskId'; Command = { Get-VeoTask -TaskId '..' } }
    ) {
        $before = @(Get-SimRequest).Count
        Get-ErrorId $Command | Should -Be $ErrorId
        @(Get-SimRequest).Count | Should -Be $before
    }

    It 'extends a task read back with Import-Clixml, also one that does not know its model' {
        $task = New-VeoTextVideo -Prompt 'a fox' -Wait
        $task | Export-Clixml (Join-Path $TestDrive 'task.xml')
        $restored = Import-Clixml (Join-Path $TestDrive 'task.xml')
        ($restored | New-VeoExtendedVideo -Prompt 'go on').Model | Should -Be 'veo-3.1-fast-generate-extend'
        $restored.Model = $null
        ($restored | New-VeoExtendedVideo -Prompt 'go on').Mode | Should -Be 'Extend'
        (Get-LastCreate).body | Should -Match ([regex]::Escape($task.Videos[0].Uri.AbsolutePath))
    }

    It 'warns once for each unusable ledger line and lists the other tasks' {
        $good = New-VeoTextVideo -Prompt 'listed'
        Add-Content $ledgerFile '{"taskId":"rel","provider":"HighwayApi","baseUri":"v3/async","createdAt":"2026-01-01T00:00:00+00:00"}'
        Add-Content $ledgerFile '{"taskId":"fil","provider":"HighwayApi","baseUri":"file:///etc/","createdAt":"2026-01-01T00:00:00+00:00"}'
        $newest = New-VeoTextVideo -Prompt 'listed too'
        $recent = Get-VeoTask -Last 10 -WarningVariable warned -WarningAction SilentlyContinue
        $recent.TaskId | Should -Contain $good.TaskId
        $recent[0].TaskId | Should -Be $newest.TaskId
        @($warned | Where-Object { $_ -match 'unusable base address' }).Count | Should -Be 2
    }

    It 'removes a byte-order mark inside a CSV value before it reaches the prompt' {
        $csv = Join-Path $TestDrive 'bom.csv'
        [IO.File]::WriteAllText($csv, "Prompt`n""a `u{FEFF}fox""`n", [Text.UTF8Encoding]::new($true))
        $task = Import-Csv $csv | New-VeoTextVideo
        $task.Prompt | Should -Be 'a fox'
        (Get-LastCreate).body | Should -Not -Match "`u{FEFF}"
    }
}
