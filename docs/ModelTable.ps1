# Renders the model catalog (Get-VeoModel) as the README's capability tables, so they are never typed by hand.
# build.ps1 -Task Docs writes them into README.md between the 'models' markers; a Pester test checks they match.

function ConvertTo-VeoModelTable {
    [CmdletBinding()]
    param([Parameter(Mandatory)] [string] $Provider)

    $cmdlet = @{ Reference = 'New-VeoReferenceVideo'; FirstFrame = 'New-VeoFrameVideo'; FirstAndLastFrame = 'New-VeoFrameVideo -LastImage'; Text = 'New-VeoTextVideo'; Extend = 'New-VeoExtendedVideo' }
    $options = 'Seed', 'NegativePrompt', 'GenerateAudio', 'EnhancePrompt', 'SampleCount', 'ReferenceType', 'SafetyTolerance', 'AutoFix'
    '| Cmdlet | -Model | Model id | Durations (s) | Resolutions | Person generation | Also takes | Rules |'
    '|---|---|---|---|---|---|---|---|'
    foreach ($model in Get-VeoModel -Provider $Provider) {
        $durations = if ($model.DurationIsFixed) { "$($model.DefaultDuration) (fixed)" } else { $model.Durations -join ', ' }
        $takes = @($options | Where-Object { $model.Takes($_) } | ForEach-Object { "-$_" }) -join ' '
        # An extension keeps its input's resolution: there is nothing to choose and no default.
        $resolutions = if ($model.Resolutions.Count) { "$($model.Resolutions -join ', ') (default $($model.DefaultResolution))" } else { 'the input''s' }
        $people = if ($model.PersonGenerationValues.Count) { $model.PersonGenerationValues -join ', ' } else { '—' }
        $rules = @($model.Rules | ForEach-Object Description) + @(if ($model.EnhancePromptAlwaysOn) { 'prompt enhancement always on' }) + @(if ($model.MaxReferenceImages) { "$($model.MinReferenceImages)–$($model.MaxReferenceImages) reference images" })
        "| $($cmdlet["$($model.Mode)"]) | $($model.Tier) | ``$($model.ModelId)`` | $durations | $resolutions | $people | $(if ($takes) { $takes } else { '—' }) | $(if ($rules) { $rules -join '; ' } else { '—' }) |"
    }
}

function Update-VeoReadmeModelTable {
    [CmdletBinding()]
    param([Parameter(Mandatory)] [string] $ReadmePath)

    $text = Get-Content $ReadmePath -Raw
    foreach ($provider in 'HighwayApi', 'AIHubMax', 'Vtrix', 'Google') {
        $pattern = "(?s)(<!-- models:$provider -->).*?(<!-- /models:$provider -->)"
        $table = (ConvertTo-VeoModelTable -Provider $provider) -join "`n"
        $text = [regex]::Replace($text, $pattern, { param($m) $m.Groups[1].Value + "`n" + $table + "`n" + $m.Groups[2].Value })
    }
    Set-Content $ReadmePath $text -NoNewline
}
