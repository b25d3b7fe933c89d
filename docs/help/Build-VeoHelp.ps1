#Requires -Version 7.4
<#
.SYNOPSIS
    Defines Build-VeoHelp, which turns docs/help/Veo.Help.psd1 into the MAML help of the built Veo module.
.DESCRIPTION
    Dot-source this file, then call Build-VeoHelp. Only the words come from the content file; every parameter's
    type, mandatory flag, position, pipeline binding, aliases and parameter sets come from the cmdlets themselves,
    so the help cannot drift from the code. It needs nothing but PowerShell: no PlatyPS, nothing downloaded.
.EXAMPLE
    . ./docs/help/Build-VeoHelp.ps1
    Build-VeoHelp -ModuleFolder ./out/Veo/0.1.0
#>

function Build-VeoHelp {
    <#
    .SYNOPSIS
        Writes the MAML help and the about topics of the built Veo module into <ModuleFolder>/en-US.
    .DESCRIPTION
        Imports the module manifest found in ModuleFolder in a child pwsh process and reads, for every exported
        cmdlet, its parameters, parameter sets, output types and help file name from the live cmdlet metadata.
        It then merges the descriptions of the content file (a PowerShell data file, see Veo.Help.psd1) and
        writes one MAML file per help file name (for Veo: en-US/Veo.PowerShell.dll-Help.xml), in the
        helpItems/command:command schema that Get-Help reads for binary cmdlets. The about topics are copied
        next to it.

        It throws, writing nothing, when the content and the module disagree: an exported cmdlet without
        content, content for a cmdlet the module does not export, a parameter without a description, a
        description of a parameter the cmdlet does not have, an empty synopsis or description, fewer than two
        examples or none with a pipeline, outputs that are not the cmdlet's declared output types, inputs that
        miss a type a parameter takes from the pipeline by value, an error id without a description or that
        Veo.Client.VeoErrorIds does not define, or a shared description or error id that nothing uses. Common
        parameters (Verbose, WhatIf, Confirm and the rest) are neither required nor allowed in the content file;
        -WhatIf and -Confirm still appear in the syntax of the cmdlets that support them.
    .PARAMETER ModuleFolder
        The folder of the built module, holding its manifest (out/Veo/<version>).
    .PARAMETER ContentPath
        The help content file. Defaults to Veo.Help.psd1 beside this script.
    .PARAMETER AboutTopicPath
        The about topics to copy into the help folder. Defaults to about_Veo.help.txt beside this script.
    .PARAMETER Culture
        The name of the help folder. Defaults to en-US.
    .OUTPUTS
        System.IO.FileInfo: the MAML file(s) and about topics written.
    .EXAMPLE
        Build-VeoHelp -ModuleFolder ./out/Veo/0.1.0

        Writes out/Veo/0.1.0/en-US/Veo.PowerShell.dll-Help.xml and about_Veo.help.txt.
    #>
    [CmdletBinding()]
    [OutputType([System.IO.FileInfo])]
    param(
        [Parameter(Mandatory)]
        [ValidateNotNullOrEmpty()]
        [string] $ModuleFolder,

        [ValidateNotNullOrEmpty()]
        [string] $ContentPath = (Join-Path $PSScriptRoot 'Veo.Help.psd1'),

        [string[]] $AboutTopicPath = @(Join-Path $PSScriptRoot 'about_Veo.help.txt'),

        [ValidateNotNullOrEmpty()]
        [string] $Culture = 'en-US'
    )

    Set-StrictMode -Version Latest
    $ErrorActionPreference = 'Stop'

    $folder = (Resolve-Path -LiteralPath $ModuleFolder).ProviderPath
    $manifests = @(Get-ChildItem -LiteralPath $folder -Filter '*.psd1' -File)
    if ($manifests.Count -ne 1) {
        throw "Build-VeoHelp: expected one module manifest in '$folder', found $($manifests.Count)."
    }

    $content = Import-VeoHelpContent -Path $ContentPath
    $module = Get-VeoCmdletMetadata -ManifestPath $manifests[0].FullName
    $problems = @(Test-VeoHelpContent -Content $content -Module $module)
    if ($problems.Count -gt 0) {
        throw ("Build-VeoHelp: $ContentPath does not match the cmdlets of $($manifests[0].FullName):" +
            [Environment]::NewLine + (($problems | ForEach-Object { "  - $_" }) -join [Environment]::NewLine))
    }

    foreach ($path in $AboutTopicPath) {
        if (-not (Test-Path -LiteralPath $path -PathType Leaf)) {
            throw "Build-VeoHelp: the about topic '$path' does not exist."
        }
    }

    $helpFolder = Join-Path $folder $Culture
    $null = New-Item -Path $helpFolder -ItemType Directory -Force
    foreach ($group in $module.Cmdlets | Group-Object -Property HelpFile) {
        # Written beside the target and moved into place, so a failure never leaves half a help file.
        $target = Join-Path $helpFolder $group.Name
        $partial = "$target.partial"
        try {
            Write-VeoMamlFile -Path $partial -Cmdlets $group.Group -Content $content
            $null = [xml](Get-Content -LiteralPath $partial -Raw)
            Move-Item -LiteralPath $partial -Destination $target -Force
        }
        finally {
            if (Test-Path -LiteralPath $partial) { Remove-Item -LiteralPath $partial -Force }
        }
        Write-Verbose "Wrote $($group.Count) cmdlet help topics to $target"
        Get-Item -LiteralPath $target
    }

    foreach ($path in $AboutTopicPath) {
        Copy-Item -LiteralPath $path -Destination $helpFolder -Force -PassThru
    }
}

function Import-VeoHelpContent {
    <#
    .SYNOPSIS
        Reads the help content file: its Commands, SharedParameters and ErrorIds tables.
    .PARAMETER Path
        The PowerShell data file to read.
    #>
    [CmdletBinding()]
    [OutputType([hashtable])]
    param([Parameter(Mandatory)] [string] $Path)

    if (-not (Test-Path -LiteralPath $Path -PathType Leaf)) {
        throw "Build-VeoHelp: the content file '$Path' does not exist."
    }

    $data = Import-PowerShellDataFile -LiteralPath $Path -SkipLimitCheck
    foreach ($key in $data.Keys) {
        if ($key -notin 'Commands', 'SharedParameters', 'ErrorIds') {
            throw "Build-VeoHelp: '$Path' has an unknown top-level key '$key' (known: Commands, SharedParameters, ErrorIds)."
        }
    }
    if (-not $data.ContainsKey('Commands') -or $data['Commands'] -isnot [hashtable]) {
        throw "Build-VeoHelp: '$Path' has no Commands table."
    }
    foreach ($key in 'SharedParameters', 'ErrorIds') {
        if (-not $data.ContainsKey($key)) { $data[$key] = @{} }
        if ($data[$key] -isnot [hashtable]) { throw "Build-VeoHelp: $key in '$Path' must be a hashtable." }
    }

    $data
}

function Get-VeoParameterDescription {
    <#
    .SYNOPSIS
        The description of one parameter of one cmdlet: the cmdlet's own, else the shared one, else $null.
    .PARAMETER Content
        The content file's data (from Import-VeoHelpContent).
    .PARAMETER CommandName
        The cmdlet.
    .PARAMETER Name
        The parameter.
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory)] [hashtable] $Content, [Parameter(Mandatory)] [string] $CommandName, [Parameter(Mandatory)] [string] $Name)

    $own = Get-VeoHelpValue (Get-VeoHelpValue $Content['Commands'] $CommandName) 'Parameters'
    if ($own -is [hashtable] -and $own.ContainsKey($Name)) { return $own[$Name] }
    Get-VeoHelpValue $Content['SharedParameters'] $Name
}

function Get-VeoCmdletMetadata {
    <#
    .SYNOPSIS
        Imports a module manifest in a child pwsh process and returns its cmdlets' metadata as plain objects.
    .DESCRIPTION
        The child process keeps the caller's session free of the import. Returns an object with Cmdlets (one per
        exported cmdlet: name, verb, noun, help file, output types, parameter sets and parameters, common
        parameters left out) and ErrorIds (the constants of Veo.Client.VeoErrorIds, when that type exists).
    .PARAMETER ManifestPath
        The module manifest to import.
    #>
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param([Parameter(Mandatory)] [string] $ManifestPath)

    $collect = {
        param([string] $ManifestPath, [string[]] $CommonNames)

        Set-StrictMode -Version Latest
        $ErrorActionPreference = 'Stop'

        function Get-TypeName([type] $Type, [switch] $Short) {
            $underlying = [Nullable]::GetUnderlyingType($Type)
            if ($underlying) { $Type = $underlying }
            if ($Short) { $Type.Name } else { $Type.FullName }
        }

        function Get-EnumValue([type] $Type) {
            $underlying = [Nullable]::GetUnderlyingType($Type)
            if ($underlying) { $Type = $underlying }
            if ($Type.IsEnum) { [string[]][Enum]::GetNames($Type) } else { [string[]]@() }
        }

        function Format-DefaultValue($Value, [type] $Type) {
            # A value the cmdlet starts with. Unset markers (null, 0, false, '', the first enum member, an empty
            # array) mean "not sent / decided elsewhere" in these cmdlets, which the descriptions explain.
            if ($Type -eq [System.Management.Automation.SwitchParameter]) {
                return [string]([System.Management.Automation.SwitchParameter]$Value).IsPresent
            }
            if ($null -eq $Value) { return 'None' }
            if ($Value -is [array]) {
                if ($Value.Count -eq 0) { return 'None' }
                return ($Value -join ', ')
            }
            if ($Value -is [string]) {
                if ($Value.Length -eq 0) { return 'None' }
                return $Value
            }
            if ($Value.GetType().IsValueType -and $Value.Equals([Activator]::CreateInstance($Value.GetType()))) {
                return 'None'
            }
            [string]$Value
        }

        $module = Import-Module -Name $ManifestPath -PassThru -Force
        $errorIdType = 'Veo.Client.VeoErrorIds' -as [type]
        $errorIds = if ($errorIdType) {
            @($errorIdType.GetFields() | Where-Object { $_.IsLiteral } | ForEach-Object { [string]$_.GetRawConstantValue() })
        }
        else { @() }

        $cmdlets = foreach ($command in $module.ExportedCmdlets.Values | Sort-Object -Property Name) {
            $instance = $null
            try { $instance = [Activator]::CreateInstance($command.ImplementingType) } catch { $instance = $null }

            $parameters = foreach ($parameter in $command.Parameters.Values) {
                if ($parameter.Name -in $CommonNames) { continue }
                $type = $parameter.ParameterType
                $validateSet = @($parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.ValidateSetAttribute] })
                $value = if ($instance) { $command.ImplementingType.GetProperty($parameter.Name).GetValue($instance) } else { $null }
                [pscustomobject]@{
                    Name         = $parameter.Name
                    TypeName     = Get-TypeName $type
                    ShortType    = Get-TypeName $type -Short
                    ElementType  = if ($type.IsArray) { Get-TypeName $type.GetElementType() } else { Get-TypeName $type }
                    IsSwitch     = $type -eq [System.Management.Automation.SwitchParameter]
                    IsArray      = $type.IsArray
                    EnumValues   = [string[]]@(if ($validateSet.Count) { $validateSet[0].ValidValues } else { Get-EnumValue $type })
                    Aliases      = [string[]]@($parameter.Aliases)
                    Globbing     = [bool]@($parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.SupportsWildcardsAttribute] }).Count
                    DefaultValue = Format-DefaultValue $value $type
                }
            }

            if ($instance -is [IDisposable]) { $instance.Dispose() }

            $sets = foreach ($set in $command.ParameterSets) {
                [pscustomobject]@{
                    Name       = $set.Name
                    IsDefault  = $set.IsDefault
                    # WhatIf and Confirm belong in the syntax line, though not among the described parameters.
                    Parameters = @(foreach ($parameter in $set.Parameters) {
                            if ($parameter.Name -in $CommonNames -and $parameter.Name -notin 'WhatIf', 'Confirm') { continue }
                            [pscustomobject]@{
                                Name           = $parameter.Name
                                Mandatory      = $parameter.IsMandatory
                                Position       = $parameter.Position
                                ByValue        = $parameter.ValueFromPipeline
                                ByPropertyName = $parameter.ValueFromPipelineByPropertyName
                                IsCommon       = $parameter.Name -in $CommonNames
                            }
                        })
                }
            }

            [pscustomobject]@{
                Name        = $command.Name
                Verb        = $command.Verb
                Noun        = $command.Noun
                HelpFile    = if ($command.HelpFile) { $command.HelpFile } else { "$($command.ImplementingType.Assembly.GetName().Name).dll-Help.xml" }
                OutputTypes = [string[]]@($command.OutputType | ForEach-Object { $_.Name })
                Parameters  = @($parameters)
                Sets        = @($sets)
            }
        }

        [pscustomobject]@{ Cmdlets = @($cmdlets); ErrorIds = [string[]]$errorIds }
    }

    # A fresh process, not a runspace of this one: it always loads the DLL just built (a second import in this
    # process would get the assembly already loaded), and it leaves the DLL unlocked for the next build.
    $quotedPath = "'" + $ManifestPath.Replace("'", "''") + "'"
    $quotedNames = (@(Get-VeoCommonParameterName) | ForEach-Object { "'$_'" }) -join ', '
    $script = "`$ProgressPreference = 'SilentlyContinue'; & { $collect } -ManifestPath $quotedPath -CommonNames @($quotedNames) | ConvertTo-Json -Depth 10 -Compress"
    $encoded = [Convert]::ToBase64String([System.Text.Encoding]::Unicode.GetBytes($script))
    $pwsh = Join-Path $PSHOME $(if ($IsWindows) { 'pwsh.exe' } else { 'pwsh' })
    $output = @(& $pwsh -NoProfile -NonInteractive -OutputFormat Text -EncodedCommand $encoded 2>&1)
    $failures = @($output | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
    if ($LASTEXITCODE -ne 0 -or $failures.Count -gt 0) {
        throw "Build-VeoHelp: could not read the cmdlets of '$ManifestPath': $(($failures | ForEach-Object { "$_" }) -join ' ')"
    }

    ($output | Where-Object { $_ -isnot [System.Management.Automation.ErrorRecord] }) -join "`n" | ConvertFrom-Json
}

function Get-VeoCommonParameterName {
    <#
    .SYNOPSIS
        The parameters every cmdlet gets from PowerShell, which the content file does not describe.
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param()

    'Verbose', 'Debug', 'ErrorAction', 'WarningAction', 'InformationAction', 'ProgressAction', 'ErrorVariable',
    'WarningVariable', 'InformationVariable', 'OutVariable', 'OutBuffer', 'PipelineVariable', 'WhatIf', 'Confirm'
}

function Get-VeoHelpParagraph {
    <#
    .SYNOPSIS
        Normalises a content value (a string or an array of strings) to its non-empty paragraphs.
    .PARAMETER Value
        The content value.
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param([AllowNull()] [object] $Value)

    foreach ($item in @($Value)) {
        if ($null -ne $item -and "$item".Trim().Length -gt 0) { "$item".Trim() }
    }
}

function Get-VeoHelpValue {
    <#
    .SYNOPSIS
        Reads a key of a content hashtable, or $null when it is absent (Set-StrictMode-safe).
    .PARAMETER Table
        The hashtable.
    .PARAMETER Key
        The key.
    #>
    [CmdletBinding()]
    param([AllowNull()] [hashtable] $Table, [Parameter(Mandatory)] [string] $Key)

    # Arrays unroll on output: callers wrap the result in @() where they expect a list.
    if ($null -ne $Table -and $Table.ContainsKey($Key)) { $Table[$Key] } else { $null }
}

function Test-VeoHelpContent {
    <#
    .SYNOPSIS
        Returns every disagreement between the help content and the cmdlet metadata, as messages.
    .PARAMETER Content
        The content file's data (from Import-VeoHelpContent).
    .PARAMETER Module
        The metadata from Get-VeoCmdletMetadata.
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param([Parameter(Mandatory)] [hashtable] $Content, [Parameter(Mandatory)] [pscustomobject] $Module)

    $commands = $Content['Commands']
    $common = @(Get-VeoCommonParameterName)
    $names = @($Module.Cmdlets.Name)
    foreach ($name in $commands.Keys) {
        if ($name -cnotin $names) { "'$name' is described but the module exports no such cmdlet (or its case differs)." }
    }

    foreach ($id in $Content['ErrorIds'].Keys) {
        if ($Module.ErrorIds.Count -gt 0 -and $id -cnotin $Module.ErrorIds) { "ErrorIds: '$id' is not defined in Veo.Client.VeoErrorIds." }
        if (@(Get-VeoHelpParagraph $Content['ErrorIds'][$id]).Count -eq 0) { "ErrorIds: '$id' has an empty description." }
    }
    foreach ($parameter in $Content['SharedParameters'].Keys) {
        if ($parameter -in $common) { "SharedParameters: -$parameter is a common parameter; PowerShell documents it (remove it)." }
    }

    $usedShared = [System.Collections.Generic.HashSet[string]]::new()
    $usedIds = [System.Collections.Generic.HashSet[string]]::new()
    foreach ($cmdlet in $Module.Cmdlets) {
        $name = $cmdlet.Name
        if (-not $commands.ContainsKey($name) -or $commands[$name] -isnot [hashtable]) {
            "$name has no content (add a '$name' = @{ ... } entry to Commands)."
            continue
        }

        $entry = $commands[$name]
        $known = 'Synopsis', 'Description', 'Parameters', 'Inputs', 'Outputs', 'Notes', 'Errors', 'Examples', 'Links'
        foreach ($key in $entry.Keys) {
            if ($key -notin $known) { "${name}: unknown key '$key' (known: $($known -join ', '))." }
        }

        if (@(Get-VeoHelpParagraph (Get-VeoHelpValue $entry 'Synopsis')).Count -ne 1) { "${name}: Synopsis must be one non-empty string." }
        if (@(Get-VeoHelpParagraph (Get-VeoHelpValue $entry 'Description')).Count -eq 0) { "${name}: Description is empty." }

        $own = Get-VeoHelpValue $entry 'Parameters'
        if ($null -eq $own) { $own = @{} }
        if ($own -isnot [hashtable]) { "${name}: Parameters must be a hashtable of name = description."; $own = @{} }
        $actual = @($cmdlet.Parameters.Name)
        foreach ($parameter in $actual) {
            if (-not $own.ContainsKey($parameter) -and $Content['SharedParameters'].ContainsKey($parameter)) { $null = $usedShared.Add($parameter) }
            $description = Get-VeoParameterDescription -Content $Content -CommandName $name -Name $parameter
            if ($null -eq $description) { "${name}: -$parameter has no description (in its Parameters or in SharedParameters)." }
            elseif (@(Get-VeoHelpParagraph $description).Count -eq 0) { "${name}: -$parameter has an empty description." }
        }
        foreach ($parameter in $own.Keys) {
            if ($parameter -in $common) { "${name}: -$parameter is a common parameter; PowerShell documents it (remove it)." }
            elseif ($parameter -cnotin $actual) { "${name}: -$parameter is described but the cmdlet has no such parameter (or its case differs)." }
        }

        $outputs = Get-VeoHelpValue $entry 'Outputs'
        if ($outputs -isnot [hashtable]) { "${name}: Outputs must be a hashtable of type name = description." }
        else {
            foreach ($type in $cmdlet.OutputTypes) { if (-not $outputs.ContainsKey($type)) { "${name}: Outputs lacks $type, a declared output type." } }
            foreach ($type in $outputs.Keys) { if ($type -notin $cmdlet.OutputTypes) { "${name}: Outputs lists $type, which the cmdlet does not declare ([OutputType])." } }
        }

        $inputs = @(Get-VeoHelpValue $entry 'Inputs')
        $inputTypes = @($inputs | Where-Object { $_ -is [hashtable] -and $_.ContainsKey('Type') } | ForEach-Object { $_['Type'] })
        if ($inputs.Count -eq 0 -or $inputTypes.Count -ne $inputs.Count) { "${name}: Inputs must be a non-empty list of @{ Type = ...; Description = ... }." }
        $byValue = @($cmdlet.Sets.Parameters | Where-Object ByValue | Select-Object -ExpandProperty Name -Unique)
        foreach ($parameter in $cmdlet.Parameters | Where-Object Name -In $byValue) {
            if ($parameter.ElementType -notin $inputTypes) { "${name}: Inputs lacks $($parameter.ElementType), which -$($parameter.Name) takes from the pipeline." }
        }

        foreach ($id in @(Get-VeoHelpValue $entry 'Errors' | Where-Object { $null -ne $_ })) {
            if ($id -isnot [string]) { "${name}: Errors must be a list of error ids."; continue }
            $null = $usedIds.Add($id)
            if (-not $Content['ErrorIds'].ContainsKey($id)) { "${name}: error id '$id' has no description in ErrorIds." }
        }

        $examples = @(Get-VeoHelpValue $entry 'Examples' | Where-Object { $null -ne $_ })
        if ($examples.Count -lt 2) { "${name}: needs at least two Examples." }
        foreach ($example in $examples) {
            if ($example -isnot [hashtable] -or -not (Get-VeoHelpValue $example 'Title') -or -not (Get-VeoHelpValue $example 'Code') -or
                @(Get-VeoHelpParagraph (Get-VeoHelpValue $example 'Remarks')).Count -eq 0) {
                "${name}: each example needs Title, Code and Remarks."
            }
        }
        if (-not @($examples | Where-Object { $_ -is [hashtable] -and "$(Get-VeoHelpValue $_ 'Code')".Contains('|') }).Count) {
            "${name}: at least one example must be a pipeline (contain '|')."
        }
    }

    foreach ($parameter in $Content['SharedParameters'].Keys) {
        if (-not $usedShared.Contains($parameter)) { "SharedParameters: -$parameter is used by no cmdlet (remove it)." }
    }
    foreach ($id in $Content['ErrorIds'].Keys) {
        if (-not $usedIds.Contains($id)) { "ErrorIds: '$id' is listed in no cmdlet's Errors (remove it, or list it)." }
    }
}

function Get-VeoSyntaxOrder {
    <#
    .SYNOPSIS
        Orders a parameter set's parameters as a syntax line reads: positional by position, then mandatory, then
        the rest, with -WhatIf and -Confirm last.
    .PARAMETER Parameters
        The parameter set's parameters (from Get-VeoCmdletMetadata).
    #>
    [CmdletBinding()]
    param([AllowEmptyCollection()] [object[]] $Parameters)

    $index = 0
    $Parameters |
        ForEach-Object { [pscustomobject]@{ P = $_; I = $index++ } } |
        Sort-Object -Property @(
            @{ Expression = { if ($_.P.IsCommon) { 3 } elseif ($_.P.Position -ge 0) { 0 } elseif ($_.P.Mandatory) { 1 } else { 2 } } }
            @{ Expression = { if ($_.P.Position -ge 0) { $_.P.Position } else { 0 } } }
            @{ Expression = { $_.I } }
        ) |
        ForEach-Object { $_.P }
}

function Write-VeoMamlFile {
    <#
    .SYNOPSIS
        Writes one MAML help file (helpItems with one command:command per cmdlet).
    .PARAMETER Path
        The file to write.
    .PARAMETER Cmdlets
        The cmdlets' metadata.
    .PARAMETER Content
        The content file's data (from Import-VeoHelpContent).
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] [string] $Path,
        [Parameter(Mandatory)] [object[]] $Cmdlets,
        [Parameter(Mandatory)] [hashtable] $Content
    )

    $ns = @{
        msh     = 'http://msh'
        maml    = 'http://schemas.microsoft.com/maml/2004/10'
        command = 'http://schemas.microsoft.com/maml/dev/command/2004/10'
        dev     = 'http://schemas.microsoft.com/maml/dev/2004/10'
        MSHelp  = 'http://msdn.microsoft.com/mshelp'
    }

    $settings = [System.Xml.XmlWriterSettings]::new()
    $settings.Indent = $true
    $settings.IndentChars = '  '
    $settings.Encoding = [System.Text.UTF8Encoding]::new($false)
    $settings.NewLineChars = "`n"
    $writer = [System.Xml.XmlWriter]::Create($Path, $settings)

    # Small helpers over the writer; nested so they share it.
    function Open-MamlElement([string] $Prefix, [string] $Name) { $writer.WriteStartElement($Prefix, $Name, $ns[$Prefix]) }
    function Close-MamlElement { $writer.WriteEndElement() }
    function Write-MamlText([string] $Prefix, [string] $Name, [string] $Value) { $writer.WriteElementString($Prefix, $Name, $ns[$Prefix], $Value) }
    function Write-MamlParagraph([object] $Value) {
        $paragraphs = @(Get-VeoHelpParagraph $Value)
        if ($paragraphs.Count -eq 0) { Write-MamlText 'maml' 'para' '' }
        foreach ($paragraph in $paragraphs) { Write-MamlText 'maml' 'para' $paragraph }
    }
    function Write-MamlType([string] $Name) {
        Open-MamlElement 'dev' 'type'
        Write-MamlText 'maml' 'name' $Name
        Write-MamlText 'maml' 'uri' ''
        Close-MamlElement
    }
    function Get-MamlPipelineInput([bool] $ByValue, [bool] $ByPropertyName) {
        $kinds = @(if ($ByValue) { 'ByValue' }; if ($ByPropertyName) { 'ByPropertyName' })
        if ($kinds.Count) { "True ($($kinds -join ', '))" } else { 'False' }
    }
    function Write-MamlParameter([object] $Meta, [bool] $Required, [int] $Position, [bool] $ByValue, [bool] $ByPropertyName, [object] $Description, [bool] $InSyntax) {
        Open-MamlElement 'command' 'parameter'
        $writer.WriteAttributeString('required', $Required.ToString().ToLowerInvariant())
        $writer.WriteAttributeString('variableLength', $Meta.IsArray.ToString().ToLowerInvariant())
        $writer.WriteAttributeString('globbing', $Meta.Globbing.ToString().ToLowerInvariant())
        $writer.WriteAttributeString('pipelineInput', (Get-MamlPipelineInput $ByValue $ByPropertyName))
        $writer.WriteAttributeString('position', $(if ($Position -ge 0) { [string]$Position } else { 'named' }))
        $writer.WriteAttributeString('aliases', $(if ($Meta.Aliases.Count) { $Meta.Aliases -join ', ' } else { 'none' }))
        Write-MamlText 'maml' 'name' $Meta.Name
        Open-MamlElement 'maml' 'description'
        Write-MamlParagraph $Description
        Close-MamlElement
        if ($InSyntax -and $Meta.EnumValues.Count -and -not $Meta.IsArray) {
            Open-MamlElement 'command' 'parameterValueGroup'
            foreach ($value in $Meta.EnumValues) {
                Open-MamlElement 'command' 'parameterValue'
                $writer.WriteAttributeString('required', 'false')
                $writer.WriteAttributeString('command', 'variableLength', $ns['command'], 'false')
                $writer.WriteString($value)
                Close-MamlElement
            }
            Close-MamlElement
        }
        elseif (-not ($InSyntax -and $Meta.IsSwitch)) {
            Open-MamlElement 'command' 'parameterValue'
            $writer.WriteAttributeString('required', $(if ($Meta.IsSwitch) { 'false' } else { 'true' }))
            $writer.WriteAttributeString('variableLength', $Meta.IsArray.ToString().ToLowerInvariant())
            $writer.WriteString($Meta.ShortType)
            Close-MamlElement
        }
        Write-MamlType $Meta.TypeName
        Write-MamlText 'dev' 'defaultValue' $Meta.DefaultValue
        Close-MamlElement
    }

    try {
        $writer.WriteStartDocument()
        $writer.WriteStartElement('helpItems', $ns['msh'])
        $writer.WriteAttributeString('schema', 'maml')
        foreach ($cmdlet in $Cmdlets) {
            $entry = $Content['Commands'][$cmdlet.Name]
            $byName = @{}
            foreach ($meta in $cmdlet.Parameters) { $byName[$meta.Name] = $meta }

            Open-MamlElement 'command' 'command'
            foreach ($prefix in 'maml', 'command', 'dev', 'MSHelp') {
                $writer.WriteAttributeString('xmlns', $prefix, $null, $ns[$prefix])
            }

            Open-MamlElement 'command' 'details'
            Write-MamlText 'command' 'name' $cmdlet.Name
            Write-MamlText 'command' 'verb' $cmdlet.Verb
            Write-MamlText 'command' 'noun' $cmdlet.Noun
            Open-MamlElement 'maml' 'description'
            Write-MamlParagraph (Get-VeoHelpValue $entry 'Synopsis')
            Close-MamlElement
            Close-MamlElement

            Open-MamlElement 'maml' 'description'
            Write-MamlParagraph (Get-VeoHelpValue $entry 'Description')
            Close-MamlElement

            # The default parameter set first, as Get-Command -Syntax shows it.
            $sets = @($cmdlet.Sets | Where-Object IsDefault) + @($cmdlet.Sets | Where-Object { -not $_.IsDefault })
            Open-MamlElement 'command' 'syntax'
            foreach ($set in $sets) {
                Open-MamlElement 'command' 'syntaxItem'
                Write-MamlText 'maml' 'name' $cmdlet.Name
                foreach ($parameter in Get-VeoSyntaxOrder $set.Parameters) {
                    if ($parameter.IsCommon) {
                        $meta = [pscustomobject]@{
                            Name = $parameter.Name; IsArray = $false; Globbing = $false; Aliases = [string[]]@(); EnumValues = [string[]]@()
                            IsSwitch = $true; ShortType = 'SwitchParameter'; TypeName = 'System.Management.Automation.SwitchParameter'; DefaultValue = 'False'
                        }
                        $description = if ($parameter.Name -eq 'WhatIf') { 'Shows what would happen if the cmdlet runs. The cmdlet is not run.' } else { 'Prompts you for confirmation before running the cmdlet.' }
                    }
                    else {
                        $meta = $byName[$parameter.Name]
                        $description = Get-VeoParameterDescription -Content $Content -CommandName $cmdlet.Name -Name $parameter.Name
                    }
                    Write-MamlParameter $meta $parameter.Mandatory $parameter.Position $parameter.ByValue $parameter.ByPropertyName $description $true
                }
                Close-MamlElement
            }
            Close-MamlElement

            # Each parameter once, in syntax order (default set first, then those only in other sets).
            Open-MamlElement 'command' 'parameters'
            $seen = [System.Collections.Generic.HashSet[string]]::new()
            foreach ($set in $sets) {
                foreach ($parameter in Get-VeoSyntaxOrder $set.Parameters) {
                    if ($parameter.IsCommon -or -not $seen.Add($parameter.Name)) { continue }
                    $occurrences = @($cmdlet.Sets.Parameters | Where-Object Name -EQ $parameter.Name)
                    $required = @($occurrences | Where-Object { -not $_.Mandatory }).Count -eq 0
                    $positions = @($occurrences.Position | Where-Object { $_ -ge 0 } | Select-Object -Unique)
                    $position = if ($positions.Count -eq 1 -and @($occurrences | Where-Object Position -LT 0).Count -eq 0) { $positions[0] } else { -1 }
                    $byValue = [bool]@($occurrences | Where-Object ByValue).Count
                    $byPropertyName = [bool]@($occurrences | Where-Object ByPropertyName).Count
                    $description = Get-VeoParameterDescription -Content $Content -CommandName $cmdlet.Name -Name $parameter.Name
                    Write-MamlParameter $byName[$parameter.Name] $required $position $byValue $byPropertyName $description $false
                }
            }
            Close-MamlElement

            Open-MamlElement 'command' 'inputTypes'
            foreach ($item in @(Get-VeoHelpValue $entry 'Inputs')) {
                Open-MamlElement 'command' 'inputType'
                Write-MamlType $item['Type']
                Open-MamlElement 'maml' 'description'
                Write-MamlParagraph (Get-VeoHelpValue $item 'Description')
                Close-MamlElement
                Close-MamlElement
            }
            Close-MamlElement

            Open-MamlElement 'command' 'returnValues'
            $outputs = Get-VeoHelpValue $entry 'Outputs'
            foreach ($type in $cmdlet.OutputTypes) {
                Open-MamlElement 'command' 'returnValue'
                Write-MamlType $type
                Open-MamlElement 'maml' 'description'
                Write-MamlParagraph $outputs[$type]
                Close-MamlElement
                Close-MamlElement
            }
            Close-MamlElement

            Open-MamlElement 'maml' 'alertSet'
            Open-MamlElement 'maml' 'alert'
            Write-MamlParagraph (Get-VeoHelpValue $entry 'Notes')
            $errors = @(Get-VeoHelpValue $entry 'Errors' | Where-Object { $null -ne $_ })
            if ($errors.Count) {
                Write-MamlText 'maml' 'para' "Error ids that $($cmdlet.Name) can write:"
                foreach ($id in $errors) { Write-MamlText 'maml' 'para' "$id - $(@(Get-VeoHelpParagraph $Content['ErrorIds'][$id]) -join ' ')" }
            }
            Close-MamlElement
            Close-MamlElement

            Open-MamlElement 'command' 'examples'
            $number = 0
            foreach ($example in @(Get-VeoHelpValue $entry 'Examples')) {
                $number++
                $label = " Example ${number}: $($example['Title']) "
                $dashes = '-' * [int][Math]::Max(2, [Math]::Floor((78 - $label.Length) / 2))
                Open-MamlElement 'command' 'example'
                Write-MamlText 'maml' 'title' "$dashes$label$dashes"
                Write-MamlText 'dev' 'code' ("$($example['Code'])".Trim() -replace "`r`n", "`n")
                Open-MamlElement 'dev' 'remarks'
                Write-MamlParagraph $example['Remarks']
                # An empty last paragraph puts a blank line before the next example's title.
                Write-MamlText 'maml' 'para' ''
                Close-MamlElement
                Close-MamlElement
            }
            Close-MamlElement

            Open-MamlElement 'command' 'relatedLinks'
            foreach ($link in @(Get-VeoHelpValue $entry 'Links' | Where-Object { $_ })) {
                Open-MamlElement 'maml' 'navigationLink'
                Write-MamlText 'maml' 'linkText' $link
                Write-MamlText 'maml' 'uri' ''
                Close-MamlElement
            }
            Close-MamlElement

            Close-MamlElement
        }
        $writer.WriteEndElement()
        $writer.WriteEndDocument()
    }
    finally {
        $writer.Dispose()
    }
}
