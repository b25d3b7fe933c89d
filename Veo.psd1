@{
    RootModule           = 'Veo.PowerShell.dll'
    ModuleVersion        = '0.1.0'
    GUID                 = '83aae545-e8a3-4c1f-8456-425b58921b29'
    Author               = 'Veo contributors'
    CompanyName          = 'Veo contributors'
    Copyright            = '(c) Veo contributors. MIT License.'
    Description          = 'Generate videos with Google Veo 3.1 through the HTTP APIs video providers sell (HighwayAPI and its JieKou host, AIHubMax, Vtrix): text, image, first/last-frame, reference-image and extended videos, checked against each model''s rules before anything is sent, with waiting, a task ledger and safe downloads, as pipeline-friendly cmdlets.'
    CompatiblePSEditions = @('Core')
    PowerShellVersion    = '7.4'
    FormatsToProcess     = @('Veo.Format.ps1xml')
    CmdletsToExport      = @(
        'Connect-Veo'
        'Get-VeoConnection'
        'Disconnect-Veo'
        'Get-VeoModel'
        'New-VeoReferenceVideo'
        'New-VeoFrameVideo'
        'New-VeoTextVideo'
        'New-VeoExtendedVideo'
        'Get-VeoTask'
        'Wait-VeoTask'
        'Save-VeoVideo'
    )
    FunctionsToExport    = @()
    VariablesToExport    = @()
    AliasesToExport      = @()
    PrivateData          = @{
        PSData = @{
            Tags         = @('Veo', 'Veo3', 'Google', 'Video', 'AI', 'GenerativeAI', 'HighwayAPI', 'JieKou', 'AIHubMax', 'Vtrix', 'PSEdition_Core', 'Linux', 'Windows', 'MacOS')
            LicenseUri   = 'https://opensource.org/licenses/MIT'
            ProjectUri   = 'https://github.com/veo-powershell/Veo'
            # Filled from the latest CHANGELOG.md entry by build.ps1.
            ReleaseNotes = ''
        }
    }
}
