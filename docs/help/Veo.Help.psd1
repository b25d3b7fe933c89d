# The help of the Veo cmdlets: only the words. Build-VeoHelp (docs/help/Build-VeoHelp.ps1) takes every parameter's
# type, mandatory flag, position, pipeline binding, aliases, default and parameter sets from the built cmdlets, merges
# these descriptions and writes en-US/Veo.PowerShell.dll-Help.xml. It fails when this file and the cmdlets disagree.
#
# To document a new cmdlet, add an entry to Commands:
#   'Verb-Veo<Noun>' = @{
#     Synopsis    = 'One sentence.'
#     Description = @('Paragraph.', 'Paragraph.')
#     Parameters  = @{ Name = 'Description (a string, or an array of paragraphs).' }  # every parameter that is not
#                   # common; a parameter missing here falls back to SharedParameters (below), if it is there
#     Inputs      = @(@{ Type = 'System.String'; Description = '...' })   # every type taken ByValue; 'None' if none
#     Outputs     = @{ 'Veo.Client.VeoTask' = '...' }                       # exactly the cmdlet's [OutputType]s
#     Notes       = @('Paragraph.')
#     Errors      = @('TaskNotFound')                                       # ids described in ErrorIds (below)
#     Examples    = @(@{ Title = '...'; Code = '...'; Remarks = @('...') }) # two or more, one with a pipeline
#     Links       = @('about_Veo')
#   }
@{
  SharedParameters = @{
    IdempotencyKey = @(
      'Names the task (alias Key; binds by property name, so a CSV column can hold one key per row). The key and a fingerprint of the request are written to the task ledger before the create is sent. Running the same request with the same key again, from any process of the same user and provider, sends nothing: the recorded task is read afresh and emitted (-Verbose says it was reused). A different request (prompt, model, options or the images'' content) under a used key is a non-terminating IdempotencyKeyConflict error and sends nothing.'
      'When the key''s task has failed, a new task is created and the key names it from then on. When an earlier create under the key was sent and never answered, the error is CreateOutcomeUnknown (with the time it was sent) and nothing is sent unless -Force is given. Save-VeoVideo names the task''s file <IdempotencyKey>.mp4. A blank value means no key.'
    )
    Force          = 'With -IdempotencyKey: sends the create even though an earlier create under the same key was sent and never answered (CreateOutcomeUnknown), which may make a second billed task. Binds by property name.'
    ThrottleLimit  = 'How many creates are sent at once, 1 to 64; the default is 4. The rows are still checked and confirmed one after another, in input order, and the tasks are emitted in input order. A create refused with HTTP 429 is sent again after Retry-After; a create whose fate is unknown is never sent again.'
    Provider = @(
      'The provider for this call: HighwayApi, JieKou (HighwayAPI''s host at api.jiekou.ai: the same protocol and models), AIHubMax, Vtrix or Google (Google''s own Gemini API). It does not change the session''s default (Connect-Veo does).'
      'By default, a piped task is read from the provider it came from, and a task given by id from the provider that the task ledger recorded when the task was created; a task the ledger does not know is looked for at the provider last given to Connect-Veo, else at HighwayApi.'
    )
    ApiKey   = @(
      'The API key for this call: a SecureString, a plain string or a PSCredential (its password is the key). It is held as a SecureString, sent only in the key header of requests to the provider''s API (Authorization, or x-goog-api-key for Google; never in a URL, and never to video links except Google''s own), and never appears in verbose or debug output, errors, the task ledger or files.'
      'By default, a piped task uses the key it came with; otherwise the key given to Connect-Veo for the provider; otherwise the provider''s environment variables, read at the time of the call: $env:HIGHWAYAPI_API_KEY (HighwayApi), $env:JIEKOU_API_KEY then $env:HIGHWAYAPI_API_KEY (JieKou), $env:AIHUBMAX_API_KEY (AIHubMax), $env:VTRIX_API_KEY (Vtrix), $env:GOOGLE_API_KEY then $env:GEMINI_API_KEY (Google), and in every case $env:VEO_API_KEY last. With no key at all, requests fail with NoApiKey.'
    )
    InputObject = 'The piped object itself, for example a row of Import-Csv; not meant to be typed (tab completion does not offer it). When a row breaks a model''s rule, its error names the row by its position and its own values, and its TargetObject is the row, so $bad.TargetObject | Export-Csv fix.csv gives back exactly the rows to fix.'
    BaseUri  = @(
      'The provider''s base address for this call, for example a proxy or the bundled simulator (http://127.0.0.1:8080/).'
      'By default, the address the piped task (or the task ledger''s entry for the id) came from, when the provider is the same; otherwise the address given to Connect-Veo for the provider; otherwise the provider''s public address: https://api.highwayapi.ai/ (HighwayApi), https://api.jiekou.ai/ (JieKou), https://api.aihubmax.com/ (AIHubMax), https://cloud.vtrix.ai/ (Vtrix), https://generativelanguage.googleapis.com/ (Google).'
    )
  }

  # Every error id a cmdlet lists in Errors, once. Build-VeoHelp checks each id against Veo.Client.VeoErrorIds.
  ErrorIds         = @{
    ModelNotAvailable          = 'InvalidArgument, nothing sent. The provider has no model for this mode and -Model tier (HighwayAPI has no Lite reference model; Vtrix has only Fast), or the -Model id makes another kind of video or is not the provider''s. The message lists what it has.'
    PromptMissing              = 'InvalidArgument, nothing sent. The prompt is only white space.'
    OptionNotSupported         = 'InvalidArgument, nothing sent. The chosen model does not take one of the optional parameters given (for example -SampleCount on AIHubMax, -EnhancePrompt on HighwayAPI''s Lite image-to-video model). The message lists the models that take it.'
    DurationNotAllowed         = 'InvalidArgument, nothing sent. -DurationSeconds is not 4, 6 or 8, or the model makes the chosen resolution only at 8 seconds (AIHubMax Lite: 1080p; Vtrix and Google: 1080p and 4k), or the mode makes 8-second videos only (Google: reference images, first and last frame, extension).'
    ResolutionNotAllowed       = 'InvalidArgument, nothing sent. The model does not offer this -Resolution; the message lists those it does.'
    AspectRatioNotAllowed      = 'InvalidArgument, nothing sent. -AspectRatio is not 16:9 or 9:16.'
    SampleCountOutOfRange      = 'InvalidArgument, nothing sent. -SampleCount is not 1 to 4.'
    SeedOutOfRange             = 'InvalidArgument, nothing sent. -Seed is not 0 to 4294967295.'
    ReferenceImageCount        = 'InvalidArgument, nothing sent. -ReferenceImage has more than three images.'
    PersonGenerationNotAllowed = 'InvalidArgument, nothing sent. The model does not accept this -PersonGeneration value; the message lists those it does.'
    EnhancePromptAlwaysOn      = 'InvalidArgument, nothing sent. -EnhancePrompt $false on a HighwayAPI model that always enhances the prompt (Standard and Fast image-to-video, Standard first-and-last-frame).'
    SafetyToleranceOutOfRange  = 'InvalidArgument, nothing sent. -SafetyTolerance is not 1 to 6.'
    ImageNotFound              = 'ObjectNotFound, nothing sent. A local image file does not exist.'
    ImageEmpty                 = 'InvalidData, nothing sent. An image file (or an image URL fetched for Vtrix) is empty.'
    ImageTooLarge              = 'InvalidArgument, nothing sent. An image is larger than 20 MB.'
    ImageFormatNotSupported    = 'InvalidArgument, nothing sent. An image is not a JPEG or PNG by its content (the file name does not matter).'
    FileUnreadable             = 'ReadError, nothing sent. A local image or video file exists but cannot be read.'
    VideoNotFound              = 'ObjectNotFound, nothing sent. The local video file to extend does not exist.'
    VideoEmpty                 = 'InvalidData, nothing sent. The video to extend is empty.'
    VideoTooLarge              = 'InvalidArgument, nothing sent. The video to extend is larger than 200 MB.'
    VideoFormatNotSupported    = 'InvalidArgument, nothing sent. The video to extend is not an MP4 by its content.'
    VideoUrlUnavailable        = 'ObjectNotFound, nothing created. Vtrix takes video bytes only, and the video URL could not be fetched.'
    VideoUrlRequired           = 'InvalidArgument, nothing sent. The model takes the video to extend as a URL only (HighwayAPI Lite, Google): pass a URL or a finished task. Google extends only videos it generated: a URL not on its host is refused too.'
    ImageUrlUnavailable        = 'ObjectNotFound, nothing created. Vtrix and Google take image bytes only, and an image URL could not be fetched.'
    NoApiKey                   = 'AuthenticationError, nothing sent. No key was given (-ApiKey, Connect-Veo) and none of the provider''s environment variables is set.'
    AuthenticationFailed       = 'AuthenticationError. The provider refused the key (HTTP 401 or its own authentication error).'
    InsufficientBalance        = 'QuotaExceeded. The account''s balance is too low (HTTP 402, HighwayAPI''s NOT_ENOUGH_BALANCE, Vtrix''s HTTP 403).'
    AccessDenied               = 'PermissionDenied. The key may not use this model or task (HTTP 403).'
    RequestRejected            = 'InvalidArgument. The provider rejected the request as invalid (HTTP 400 or 422).'
    ModelNotFound              = 'ObjectNotFound. The provider does not know the model or endpoint (it may have renamed it).'
    TaskNotFound               = 'ObjectNotFound. The provider knows no task with this id (or not for this key or address).'
    RateLimited                = 'LimitsExceeded. Too many requests (HTTP 429). Requests are retried first (a create request too, since the provider did not act on it), honouring Retry-After up to two minutes; a longer wait ends the call with this error, which says how long the provider asks to wait.'
    ProviderUnavailable        = 'ResourceUnavailable. The provider answered HTTP 503 (after the retries, for status requests and uploads).'
    ProviderError              = 'ResourceUnavailable or ProtocolError. The provider answered with another HTTP error.'
    InvalidProviderResponse    = 'InvalidResult. The provider''s answer could not be read (not JSON, or a field this module needs is missing).'
    ConnectionFailed           = 'ConnectionError. The provider could not be reached (after the retries, for status requests); for a create request, nothing was sent.'
    RequestTimedOut            = 'OperationTimeout. The provider did not answer a status request or upload within 30 seconds per attempt, after the retries (or answered HTTP 408).'
    IdempotencyKeyConflict     = 'ResourceExists, nothing sent. The -IdempotencyKey was used before for a different request (prompt, model, options or images). Use a new key for a new request.'
    CreateOutcomeUnknown       = 'OperationTimeout, ConnectionError or InvalidResult. The create request was sent but no answer came (within 120 seconds, or the connection broke), or the answer named no usable task id; or a create under the same -IdempotencyKey was sent before and no answer was recorded (nothing is sent unless -Force). A task may exist and be billed; it was not sent again. Check Get-VeoTask or the provider''s task list before running the command again.'
    TaskFailed                 = 'InvalidResult. The task failed at the provider, or it reported success without a video (a safety filter can do this). TargetObject is the failed task, with ErrorCode and ErrorMessage.'
    WaitTimedOut               = 'OperationTimeout. The task had not finished within -TimeoutSeconds. It goes on at the provider: TargetObject is the latest task, which can be piped to Wait-VeoTask or Save-VeoVideo again.'
    TaskHasNoVideo             = 'The task has no video: to extend it, it must have succeeded (pipe it through Wait-VeoTask first; InvalidArgument, nothing sent); to download, it succeeded without one (InvalidResult).'
    VideoFileExists            = 'ResourceExists. The target file exists and was kept. Use -Force to overwrite it.'
    DownloadIncomplete         = 'ConnectionError. A download kept breaking: it was resumed five times and still did not complete. No partial file is left at the target.'
    DownloadFailed             = 'ResourceUnavailable. The video link answered an HTTP error other than 403, 404 or 410.'
    DownloadNotAVideo          = 'InvalidResult. The video link answered something that is not an MP4 video (an HTML or JSON error page, an empty body), also after retries and a renewed link; the message quotes the start of it. Nothing was kept.'
    DownloadTooLarge           = 'InvalidResult. The video link announced or sent more than MaxDownloadBytes (4 GiB, far beyond any Veo video). The temporary file was removed.'
    DownloadTimedOut           = 'OperationTimeout. The download had not finished within -TimeoutSeconds (counted from the start of the task''s save, waiting included). Nothing was kept; the link may still work.'
    VideoLinkExpired           = 'ResourceUnavailable. The video link answered 403, 404 or 410 and so did the fresh link the provider gave when asked again. Providers keep results only for a while.'
    InvalidTaskId              = 'InvalidArgument, nothing sent. The task id is empty, made of dots only, longer than 128 characters, or holds a control character: give it exactly as New-Veo*Video or the provider showed it.'
    InvalidBaseUri             = 'InvalidArgument, nothing sent. -BaseUri is relative or not http(s) (file:, ftp:). Give the provider''s http(s) address.'
    InvalidApiKey              = 'InvalidArgument, nothing sent. The key holds a line break or another control character (often a key read from a file): copy it again without it.'
    UnsupportedVideoLink       = 'InvalidResult, nothing fetched or sent. The provider gave a video link that is not http(s) (file:, ftp:, data:); it is neither downloaded nor passed on in an extend request.'
    InputIsAFolder             = 'InvalidArgument, nothing sent. -Image, -LastImage, -ReferenceImage or -Video names a folder: give one file in it.'
    VideoPathConflict          = 'ResourceExists. An earlier task of the same Save-VeoVideo call already writes this file name, so this task''s videos were not saved (-Force or not). Give -Path a folder, or one file name per task.'
    VideoPathNotWritable       = 'WriteError or InvalidArgument. -Path is a device (/dev/null, NUL), or its folder cannot be created or written.'
    DiskFull                   = 'WriteError. The disk filled up during a download; the partial file was removed. Free some space or save to another disk.'
    LedgerLocked               = 'ResourceUnavailable. Another program held the task ledger for more than 10 seconds. Close it and run the command again; tasks given with their connection still go through.'
  }

  Commands         = @{
    'Connect-Veo'           = @{
      Synopsis    = 'Sets the provider, base address and API key that the other Veo cmdlets use by default in this session.'
      Description = @(
        'Connect-Veo stores a connection (provider, base address and API key) for the provider you name and makes that provider the default of the New- cmdlets (New-VeoFrameVideo, New-VeoReferenceVideo, New-VeoTextVideo, New-VeoExtendedVideo). The settings last until PowerShell exits and are kept per provider: connecting to a second provider changes the default but keeps the first provider''s address and key, which are still used for that provider''s tasks. Connecting again to the same provider replaces its settings.'
        'Connect-Veo sends no request, so it does not check the key: a wrong key shows up at the first request as an AuthenticationFailed error. Without -ApiKey, the key is taken from the provider''s environment variables ($env:HIGHWAYAPI_API_KEY, $env:JIEKOU_API_KEY, $env:AIHUBMAX_API_KEY, $env:VTRIX_API_KEY, or $env:GOOGLE_API_KEY then $env:GEMINI_API_KEY, then $env:VEO_API_KEY); if none is set, Connect-Veo writes a warning, and later calls look in the environment variables again.'
        'The cmdlets that send requests (the four New- cmdlets, Get-VeoTask, Wait-VeoTask, Save-VeoVideo) also take -Provider, -ApiKey and -BaseUri for a single call, which win over what Connect-Veo set. The key is held as a SecureString and never shown: with -PassThru the connection object reports only where the key came from (KeySource).'
      )
      Parameters  = @{
        Provider = 'The provider to connect to: HighwayApi (https://api.highwayapi.ai/), JieKou (HighwayAPI''s host at https://api.jiekou.ai/, with the same protocol and models), AIHubMax (https://api.aihubmax.com/), Vtrix (https://cloud.vtrix.ai/) or Google (Google''s own Gemini API, https://generativelanguage.googleapis.com/, with a Google AI Studio key). It becomes the default provider of the New- cmdlets for this session.'
        ApiKey   = 'The provider''s API key: a SecureString (for example from Read-Host -AsSecureString), a plain string, or a PSCredential whose password is the key. Any other type is refused. When omitted, the key comes from the provider''s environment variables: $env:HIGHWAYAPI_API_KEY (HighwayApi), $env:JIEKOU_API_KEY then $env:HIGHWAYAPI_API_KEY (JieKou), $env:AIHUBMAX_API_KEY (AIHubMax), $env:VTRIX_API_KEY (Vtrix) or $env:GOOGLE_API_KEY then $env:GEMINI_API_KEY (Google, in google-genai''s order), then $env:VEO_API_KEY.'
        BaseUri  = 'The base address to send this provider''s requests to instead of its public one, for example a proxy or the bundled simulator (http://127.0.0.1:8080/). By default, the provider''s public address.'
        PassThru = 'Emits the connection (Veo.Client.VeoConnection: Provider, BaseUri and KeySource). By default Connect-Veo emits nothing.'
      }
      Inputs      = @(
        @{ Type = 'None'; Description = 'Connect-Veo takes no pipeline input.' }
      )
      Outputs     = @{
        'Veo.Client.VeoConnection' = 'With -PassThru only: the provider, its base address and KeySource, which says where the key came from (Connect-Veo, or the environment variable''s name) and is empty when no key was found. The key itself is never part of the output.'
      }
      Notes       = @(
        'Connect-Veo emits no Veo error: it only records settings. A -ApiKey value that is not a SecureString, a string or a PSCredential fails parameter binding (ParameterArgumentTransformationError). When no key is found it writes a warning naming the environment variables it looked at.'
        'The settings belong to the PowerShell process, not to one runspace, and last until it exits or Disconnect-Veo forgets them. Run Connect-Veo again to change them; Get-VeoConnection shows them.'
      )
      Examples    = @(
        @{
          Title   = 'Connect to HighwayAPI with a key typed at a prompt'
          Code    = 'Connect-Veo -Provider HighwayApi -ApiKey (Read-Host -AsSecureString ''HighwayAPI key'')'
          Remarks = 'Makes HighwayAPI the default provider for this session. The key is read without echo and kept as a SecureString.'
        }
        @{
          Title   = 'Take the key from an environment variable and show the connection'
          Code    = 'Connect-Veo -Provider AIHubMax -PassThru | Format-List Provider, BaseUri, KeySource'
          Remarks = 'Without -ApiKey the key comes from $env:AIHUBMAX_API_KEY, else $env:VEO_API_KEY. KeySource names the variable the key came from; the key itself is never shown.'
        }
        @{
          Title   = 'Use JieKou with a key kept in a credential'
          Code    = 'Connect-Veo JieKou (Get-Credential -UserName jiekou -Message ''JieKou API key'')'
          Remarks = '-Provider and -ApiKey are positional. The password of the credential is the key; the user name is not used. JieKou serves HighwayAPI''s models at https://api.jiekou.ai/.'
        }
        @{
          Title   = 'Point the cmdlets at the bundled simulator'
          Code    = @'
# In another terminal: ./build.ps1 -Task Simulator (or dotnet ./out/simulator/Veo.Simulator.dll --port 8080)
$env:VEO_HOME = Join-Path ([IO.Path]::GetTempPath()) 'veo-simulator'
Connect-Veo -Provider HighwayApi -BaseUri http://127.0.0.1:8080/ -ApiKey sim-key
'@
          Remarks = 'The simulator speaks each provider''s protocol on 127.0.0.1, accepts the key sim-key, and costs nothing. Tasks created against it are recorded in the task ledger like any other, so $env:VEO_HOME points the ledger at a scratch folder first. ./build.ps1 -Task Simulator prints the address to use.'
        }
      )
      Links       = @('about_Veo', 'New-VeoFrameVideo', 'New-VeoReferenceVideo', 'New-VeoTextVideo', 'New-VeoExtendedVideo', 'Get-VeoModel', 'Get-VeoConnection', 'Disconnect-Veo')
    }

    'Get-VeoConnection'     = @{
      Synopsis    = 'Shows the provider, base address and key source that the Veo cmdlets use by default in this session.'
      Description = @(
        'Get-VeoConnection shows the connection a call with no -Provider, -BaseUri or -ApiKey uses: the provider last given to Connect-Veo (else HighwayApi), the address Connect-Veo set for it (else the provider''s public address), and where its key comes from: Connect-Veo, or the name of the environment variable that holds it, read now. KeySource is empty when no key would be found; such calls fail with NoApiKey.'
        'The key itself is never shown. With -Provider it shows that provider''s connection instead, as a call with -Provider and no -BaseUri or -ApiKey uses it. A piped task and a task id known to the task ledger keep the provider and address they were created with, whatever this shows.'
      )
      Parameters  = @{
        Provider = 'The provider whose connection to show: HighwayApi, JieKou, AIHubMax, Vtrix or Google. By default, the session''s default provider (the last one given to Connect-Veo, else HighwayApi).'
      }
      Inputs      = @(
        @{ Type = 'None'; Description = 'Get-VeoConnection takes no pipeline input.' }
      )
      Outputs     = @{
        'Veo.Client.VeoConnection' = 'The provider, its base address and KeySource (Connect-Veo, or the environment variable''s name, such as $env:HIGHWAYAPI_API_KEY; empty when no key is found). The key is never part of the output.'
      }
      Notes       = @(
        'Get-VeoConnection sends no request: it does not check that the key is valid or the address reachable. It emits no Veo error.'
      )
      Examples    = @(
        @{
          Title   = 'See which provider, address and key the cmdlets use'
          Code    = 'Get-VeoConnection'
          Remarks = 'Without Connect-Veo this is HighwayApi at https://api.highwayapi.ai/, with the key of $env:HIGHWAYAPI_API_KEY or $env:VEO_API_KEY if one is set.'
        }
        @{
          Title   = 'Check every provider''s key source'
          Code    = '''HighwayApi'', ''AIHubMax'', ''Vtrix'' | ForEach-Object { Get-VeoConnection -Provider $_ } | Format-Table'
          Remarks = 'One row per provider; an empty KeySource means calls to that provider need -ApiKey, Connect-Veo or an environment variable first.'
        }
      )
      Links       = @('about_Veo', 'Connect-Veo', 'Disconnect-Veo')
    }

    'Disconnect-Veo'        = @{
      Synopsis    = 'Forgets the provider, addresses and keys that Connect-Veo set in this session.'
      Description = @(
        'Disconnect-Veo forgets every provider''s Connect-Veo settings and the default provider. Later calls use what they are given (-Provider, -BaseUri, -ApiKey), else HighwayApi at its public address with the key of the provider''s environment variables, as before any Connect-Veo. With -Provider it forgets only those providers'' settings, and the default provider only when it is one of them.'
        'Tasks already created keep the connection they came with: a task object in a variable can still be piped to Wait-VeoTask or Save-VeoVideo. A task given by id is looked up at the provider and address the task ledger recorded, with the key found for that provider.'
      )
      Parameters  = @{
        Provider = 'The providers whose settings to forget: HighwayApi, JieKou, AIHubMax, Vtrix or Google. By default, every provider''s.'
        PassThru = 'Emits the connection the cmdlets use by default from now on, as Get-VeoConnection shows it. By default Disconnect-Veo emits nothing.'
      }
      Inputs      = @(
        @{ Type = 'None'; Description = 'Disconnect-Veo takes no pipeline input.' }
      )
      Outputs     = @{
        'Veo.Client.VeoConnection' = 'With -PassThru only: the provider, base address and KeySource that calls without -Provider, -BaseUri or -ApiKey now use. The key is never part of the output.'
      }
      Notes       = @(
        'Disconnect-Veo sends no request and writes no Veo error. Running it when nothing is connected does nothing.'
      )
      Examples    = @(
        @{
          Title   = 'Stop using the simulator'
          Code    = 'Disconnect-Veo -PassThru'
          Remarks = 'After Connect-Veo -BaseUri http://127.0.0.1:8080/, Disconnect-Veo makes the cmdlets use HighwayApi''s public address and the environment''s key again.'
        }
        @{
          Title   = 'Keep a task while disconnecting'
          Code    = '$task = New-VeoTextVideo -Prompt ''A lighthouse in a storm''; Disconnect-Veo; $task | Wait-VeoTask | Save-VeoVideo'
          Remarks = 'The task object carries its own provider, address and key, so waiting and saving still work after Disconnect-Veo.'
        }
      )
      Links       = @('about_Veo', 'Connect-Veo', 'Get-VeoConnection')
    }

    'Get-VeoModel'          = @{
      Synopsis    = 'Lists the models each provider offers and the rules the New- cmdlets check before sending a request.'
      Description = @(
        'Get-VeoModel lists the module''s model catalog: for every provider, the Veo 3.1 model behind each combination of mode (Reference for New-VeoReferenceVideo; FirstFrame and FirstAndLastFrame for New-VeoFrameVideo; Text for New-VeoTextVideo; Extend for New-VeoExtendedVideo) and tier (the -Model parameter of the New- cmdlets: Standard, Fast or Lite). It sends no request and needs no API key.'
        'Each model shows what the New- cmdlets enforce before anything is sent: Durations (and DurationIsFixed), Resolutions and DefaultResolution, AspectRatios and DefaultAspectRatio, MaxSampleCount, MinReferenceImages and MaxReferenceImages, Options (the optional parameters the model takes), PersonGenerationValues, EnhancePromptAlwaysOn, and Rules that tie settings together (such as "1080p only at 8 seconds"). The default view is a table of Provider, Mode, Tier and ModelId; Format-List shows the rest.'
        'The filters combine, and each takes several values. JieKou lists HighwayAPI''s models, which report HighwayApi as their provider.'
      )
      Parameters  = @{
        Provider = 'Lists only these providers'' models: HighwayApi, JieKou, AIHubMax, Vtrix, Google. By default, every provider''s. Binds by property name, so a task or any object with a Provider property can be piped in.'
        Mode     = 'Lists only models of these modes: Reference, FirstFrame, FirstAndLastFrame, Text, Extend. By default, every mode. Binds by property name.'
        Model    = 'Lists only models of these tiers: Standard, Fast, Lite (the -Model values of the New- cmdlets; alias Tier). By default, every tier. Binds by property name (Model or Tier).'
      }
      Inputs      = @(
        @{ Type = 'System.Management.Automation.PSObject'; Description = 'Any object with Provider, Mode, Model or Tier properties binds them by property name. A Veo.Client.VeoTask binds its Provider and Mode; its Model property holds a model id, not a tier, so it does not filter.' }
      )
      Outputs     = @{
        'Veo.Client.ModelDefinition' = 'One per model: Provider, Mode, Tier, ModelId and the rules listed in the description. Takes(''<Option>'') tells whether the model takes an optional parameter, for example $model.Takes(''Seed'').'
      }
      Notes       = @(
        'Get-VeoModel emits no Veo error; an unknown -Provider, -Mode or -Model value fails parameter binding.'
        'The catalog is part of the module: it changes only with a new version of the module, not with the provider''s pages.'
      )
      Examples    = @(
        @{
          Title   = 'List HighwayAPI''s models'
          Code    = 'Get-VeoModel -Provider HighwayApi'
          Remarks = 'Fourteen models: Standard and Fast for reference videos; Standard, Fast and Lite for each of FirstFrame, FirstAndLastFrame, Text and Extend.'
        }
        @{
          Title   = 'See everything one model accepts'
          Code    = 'Get-VeoModel -Provider AIHubMax -Mode FirstFrame -Model Lite | Format-List'
          Remarks = 'Shows the durations, resolutions (720p and 1080p), defaults, options and the rule "1080p only at 8 seconds" of AIHubMax''s Lite image-to-video model.'
        }
        @{
          Title   = 'Find the models that take a seed'
          Code    = 'Get-VeoModel | Where-Object { $_.Takes(''Seed'') } | Format-Table Provider, Mode, Tier, ModelId'
          Remarks = 'Takes() accepts the names of the optional parameters: Seed, NegativePrompt, GenerateAudio, EnhancePrompt, SampleCount, PersonGeneration, ReferenceType, SafetyTolerance, AutoFix.'
        }
        @{
          Title   = 'Filter by property name from the pipeline'
          Code    = '[pscustomobject]@{ Provider = ''Vtrix''; Mode = ''Reference'' } | Get-VeoModel | Select-Object -ExpandProperty Resolutions'
          Remarks = 'Lists the resolutions of Vtrix''s reference model: 720p, 1080p and 4k.'
        }
      )
      Links       = @('about_Veo', 'New-VeoFrameVideo', 'New-VeoReferenceVideo', 'New-VeoTextVideo', 'New-VeoExtendedVideo')
    }

    'New-VeoFrameVideo'     = @{
      Synopsis    = 'Creates a Veo 3.1 video task that starts from an image, or that moves from a first image to a last one.'
      Description = @(
        'New-VeoFrameVideo asks the provider to generate a video and emits the new task (Veo.Client.VeoTask, status Queued) as soon as the provider has accepted it; pipe it to Wait-VeoTask and Save-VeoVideo, or use -Wait. With -Image alone (parameter set FirstFrame) the image is the first frame of the video (image-to-video). With -LastImage as well (parameter set FirstAndLastFrame) the video moves from the first image to the last.'
        'The model is chosen from the provider (-Provider, else the one given to Connect-Veo, else HighwayApi), the mode and the tier (-Model: Fast by default). Get-VeoModel lists the models and what each accepts.'
        'Before anything is sent, the request is checked against the model''s rules: durations, resolutions, aspect ratios, the number of samples, the seed range, person-generation values, which optional parameters the model takes, and rules that tie settings together, such as 1080p only at 8 seconds. Local images are read and checked: they must exist, be JPEG or PNG by content, and be at most 20 MB. A request that breaks a rule is refused with an error that names what is allowed, and nothing is sent, so it costs nothing. A rule or image error is terminating when the values came from parameters, and non-terminating when they came from pipeline input, so that the other input objects still go through.'
        'The resolution, aspect ratio and duration you do not give are filled in with the model''s defaults (8 seconds, 16:9, and 720p, or 1080p on AIHubMax); the other optional parameters you do not give are not sent, so the provider''s defaults apply.'
        'An image is a path (relative to the current location; PowerShell drives and ~ work) or an http(s) URL. HighwayAPI and JieKou receive local files as base64 in the request and URLs as they are. AIHubMax takes image URLs only: each local file is uploaded to AIHubMax first (the upload is reused for 48 hours within the session). Vtrix and Google take image bytes only: each URL is downloaded and checked like a local file first.'
        'Every call that passes the checks creates one task, and the provider bills it. The create request is sent once: it is repeated only when the provider refused it with HTTP 429 or when no connection could be made. If it was sent but no answer came, the error is CreateOutcomeUnknown: a task may exist and be billed, so check Get-VeoTask or the provider''s task list before trying again. Each created task is written to the task ledger before it is emitted (see about_Veo).'
        'New-VeoFrameVideo supports -WhatIf and -Confirm (ConfirmImpact Medium, so it asks for confirmation only with -Confirm or when $ConfirmPreference is Medium or Low). -WhatIf runs all the checks and then shows the model, the endpoint and the exact JSON body that would be sent, with each image summarised instead of its base64; it sends, uploads and downloads nothing.'
      )
      Parameters  = @{
        Prompt           = 'What the video shows. Required. An empty prompt fails parameter validation; a prompt of only white space is refused with PromptMissing. Binds by property name.'
        Image            = 'The first frame: the path of a local JPEG or PNG file (at most 20 MB, recognised by content), or an http(s) URL. Binds by property name.'
        LastImage        = 'The last frame, as a path or an http(s) URL like -Image. Giving it selects the FirstAndLastFrame parameter set and a first-and-last-frame model. Binds by property name.'
        DurationSeconds  = @(
          'The length of the video in seconds: 4, 6 or 8 on every provider and tier. By default, 8 (the models'' default). Other values are refused with DurationNotAllowed. Binds by property name.'
          'Some models make high resolutions only at 8 seconds: AIHubMax Lite makes 1080p only at 8 seconds (and 1080p is AIHubMax''s default resolution, so add -Resolution 720p for 4 or 6 seconds there); Vtrix and Google make 1080p and 4k only at 8 seconds, and Google makes first-and-last-frame videos of 8 seconds only.'
        )
        Model            = 'The tier of the Veo 3.1 model: Fast (the default), Standard or Lite, in any case; another word fails parameter validation. Standard costs more and Lite less. HighwayApi, JieKou and AIHubMax offer all three tiers in both modes; Vtrix offers only Fast and Google Standard and Fast; another tier is refused with ModelNotAvailable. Tab completion offers only the tiers of the provider already typed (or the Connect-Veo default). A provider''s model id (Get-VeoModel lists them) is used as given: it must make this cmdlet''s kind of video, or the call is refused with ModelNotAvailable and nothing is sent. Binds by property name.'
        Resolution       = @(
          'The video resolution. HighwayApi and JieKou: 720p or 1080p (default 720p). AIHubMax: 720p, 1080p or 4k on Standard and Fast, 720p or 1080p on Lite (default 1080p; Lite makes 1080p only at 8 seconds). Vtrix and Google: 720p, 1080p or 4k (default 720p; 1080p and 4k only at 8 seconds).'
          'The value is not case-sensitive (1080P works). Tab completion offers the values of the provider and tier already typed. Other values are refused with ResolutionNotAllowed. Binds by property name.'
        )
        AspectRatio      = '16:9 (landscape, the default) or 9:16 (portrait), on every provider and model. Other values are refused with AspectRatioNotAllowed. Binds by property name.'
        SampleCount      = 'How many videos the task makes: 1 to 4. Each video is billed. HighwayApi, JieKou and Google take it; AIHubMax and Vtrix refuse it with OptionNotSupported. When omitted it is not sent, and the provider''s default applies. Binds by property name.'
        Seed             = 'A seed from 0 to 4294967295, for repeatable results. HighwayApi, JieKou and AIHubMax take it; Vtrix and Google refuse it with OptionNotSupported. When omitted it is not sent. Binds by property name.'
        NegativePrompt   = 'What the video should not show. Every provider''s frame models take it. When omitted it is not sent. Binds by property name.'
        GenerateAudio    = 'Asks for a soundtrack (generate_audio true); -GenerateAudio:$false sends false. When omitted nothing is sent and the provider''s default applies. HighwayApi, JieKou and AIHubMax take it; Vtrix and Google refuse it with OptionNotSupported. Binds by property name. From the pipeline it also takes text, as a CSV column holds it: true, yes, y or 1, and false, no, n or 0; an empty value means not given.'
        EnhancePrompt    = @(
          'Whether the provider may rewrite the prompt: $true or $false. When omitted it is not sent. Binds by property name. From the pipeline it also takes text, as a CSV column holds it: true, yes, y or 1, and false, no, n or 0; an empty value means not given.'
          'HighwayAPI''s Standard and Fast image-to-video models and its Standard first-and-last-frame model always enhance the prompt, so $false is refused there with EnhancePromptAlwaysOn. HighwayAPI''s Lite image-to-video model does not take it (OptionNotSupported); its Fast and Lite first-and-last-frame models do. On AIHubMax only the Standard models take it; Vtrix does not.'
        )
        PersonGeneration = @(
          'Whether people may appear: AllowAdult, DontAllow or AllowAll. When omitted it is not sent, except on Vtrix and Google, which always send AllowAdult. Binds by property name.'
          'HighwayApi and JieKou: Standard and Fast image-to-video and Standard first-and-last-frame accept all three; the other models accept AllowAdult and DontAllow. AIHubMax: only the Standard models take it (AllowAdult or DontAllow); Fast and Lite refuse it with OptionNotSupported. Vtrix and Google: AllowAdult only. A value the model does not accept is refused with PersonGenerationNotAllowed.'
        )
        SafetyTolerance  = 'How strictly AIHubMax filters content, from 1 (strictest) to 6 (most permissive). Only AIHubMax''s Standard and Fast models take it; elsewhere it is refused with OptionNotSupported, and values outside 1 to 6 with SafetyToleranceOutOfRange. When omitted it is not sent. Binds by property name.'
        AutoFix          = 'Lets AIHubMax rewrite a prompt that fails its content checks instead of failing the task (auto_fix true; -AutoFix:$false sends false). Only AIHubMax takes it. When omitted it is not sent. Binds by property name. From the pipeline it also takes text, as a CSV column holds it: true, yes, y or 1, and false, no, n or 0; an empty value means not given.'
        Wait             = 'Waits for the task to finish before emitting it, like piping it to Wait-VeoTask: the task is emitted only once it has succeeded. A failed task is a TaskFailed error and a wait longer than -TimeoutSeconds a WaitTimedOut error; both are non-terminating and carry the latest task as TargetObject. Without -Wait the task is emitted as soon as it is created.'
        TimeoutSeconds   = 'With -Wait, the longest time to wait, in seconds (1 or more). The default is 1800 (30 minutes). Without -Wait it has no effect.'
        Provider         = 'The provider that creates the video: HighwayApi, JieKou, AIHubMax, Vtrix or Google. By default, the provider last given to Connect-Veo, else HighwayApi. It does not change the session''s default.'
        BaseUri          = 'The provider''s base address for this call, for example a proxy or the bundled simulator (http://127.0.0.1:8080/). By default, the address given to Connect-Veo for the provider, else the provider''s public address: https://api.highwayapi.ai/, https://api.jiekou.ai/, https://api.aihubmax.com/ or https://cloud.vtrix.ai/. The task remembers it, and the task ledger records it.'
      }
      Inputs      = @(
        @{ Type = 'System.Management.Automation.PSObject'; Description = 'Objects whose properties are named like the parameters (Prompt, Image, LastImage, DurationSeconds, Model, Resolution, AspectRatio, SampleCount, Seed, NegativePrompt, GenerateAudio, EnhancePrompt, PersonGeneration, SafetyTolerance, AutoFix), for example the rows of Import-Csv. Each object creates one task. -Wait, -TimeoutSeconds, -IdempotencyKey and -Force bind by property name too; a blank value means not given.' }
      )
      Outputs     = @{
        'Veo.Client.VeoTask' = 'One per created task: TaskId, Provider, Model (the provider''s model id), Mode, Status (Queued, or Succeeded with -Wait), Progress, EtaSeconds, Videos, ErrorCode, ErrorMessage, Cost (when the provider reports it), Prompt, CreatedAt, RetrievedAt and BaseUri. Nothing is emitted with -WhatIf.'
      }
      Notes       = @(
        'Errors carry a stable ErrorId: match them with $_.FullyQualifiedErrorId -like ''<Id>,*''. Those marked "nothing sent" are found before any request, cost nothing, and are terminating unless the values came from the pipeline. The others come from the provider or the network and are non-terminating. A failure that is not one of these (a bug, or a fault the module does not recognise) is written with the id UnexpectedError.'
      )
      Errors      = @(
        'ModelNotAvailable', 'PromptMissing', 'OptionNotSupported', 'DurationNotAllowed', 'ResolutionNotAllowed', 'AspectRatioNotAllowed',
        'SampleCountOutOfRange', 'SeedOutOfRange', 'PersonGenerationNotAllowed', 'EnhancePromptAlwaysOn', 'SafetyToleranceOutOfRange',
        'ImageNotFound', 'ImageEmpty', 'ImageTooLarge', 'ImageFormatNotSupported', 'FileUnreadable', 'ImageUrlUnavailable',
        'NoApiKey', 'AuthenticationFailed', 'InsufficientBalance', 'AccessDenied', 'RequestRejected', 'ModelNotFound', 'RateLimited',
        'ProviderUnavailable', 'ProviderError', 'InvalidProviderResponse', 'ConnectionFailed', 'RequestTimedOut', 'CreateOutcomeUnknown', 'IdempotencyKeyConflict',
        'TaskNotFound', 'TaskFailed', 'WaitTimedOut',
        'InvalidBaseUri', 'InvalidApiKey', 'InputIsAFolder'
      )
      Examples    = @(
        @{
          Title   = 'Image to video, waited for and saved'
          Code    = 'New-VeoFrameVideo -Prompt ''the fox looks up as snow starts to fall'' -Image ./fox.png -DurationSeconds 6 -AspectRatio 9:16 | Wait-VeoTask | Save-VeoVideo -Path ./out'
          Remarks = 'Creates a 6-second portrait video on the Fast tier of the default provider, waits for it, and saves it as ./out/<TaskId>.mp4.'
        }
        @{
          Title   = 'First and last frame from URLs, Lite tier'
          Code    = 'New-VeoFrameVideo -Prompt ''sunrise over the ridge'' -Image https://example.com/dawn.jpg -LastImage https://example.com/day.jpg -Model Lite'
          Remarks = 'Giving -LastImage selects the FirstAndLastFrame parameter set. HighwayAPI receives the URLs as they are. The task is emitted at once, with status Queued.'
        }
        @{
          Title   = 'See the request before paying for it'
          Code    = 'New-VeoFrameVideo -Prompt ''a paper boat drifts down a rainy street'' -Image ./fox.png -LastImage ./fox-end.png -Resolution 1080p -Seed 42 -WhatIf'
          Remarks = 'Checks the rules and the images, then prints the endpoint and the JSON body that would be sent, with each image shown as a note such as <base64 of ./fox.png: image/png, 1.3 KB>. Nothing is sent.'
        }
        @{
          Title   = 'One task per row of a CSV file'
          Code    = @'
# shots.csv:
#   Prompt,Image,DurationSeconds
#   a fox runs through the snow,./fox.png,6
#   a fox sleeps by the fire,./fox.png,8
Import-Csv ./shots.csv | New-VeoFrameVideo -Model Fast | Save-VeoVideo -Path ./shots
'@
          Remarks = 'The columns bind by property name. A row that breaks a rule is a non-terminating error (Row <n>: what is wrong, then the row''s values) and the other rows still create their tasks; the error''s TargetObject is the row, so $bad.TargetObject | Export-Csv gives back the rows to fix. Save-VeoVideo waits for each task before it downloads the video.'
        }
        @{
          Title   = 'Catch a refused request by its error id'
          Code    = @'
try {
    New-VeoFrameVideo -Prompt 'a fox' -Image ./fox.png -Resolution 4k
}
catch {
    if ($_.FullyQualifiedErrorId -like 'ResolutionNotAllowed,*') { Write-Warning $_.Exception.Message } else { throw }
}
'@
          Remarks = 'HighwayAPI offers 720p and 1080p only, so the request is refused before anything is sent, with a terminating error (the values came from parameters) whose message lists the resolutions allowed.'
        }
        @{
          Title   = 'AIHubMax, Standard tier, 4k, and wait'
          Code    = 'New-VeoFrameVideo -Provider AIHubMax -Prompt ''a lighthouse in a storm'' -Image ./fox.png -Model Standard -Resolution 4k -SafetyTolerance 2 -GenerateAudio -Wait -TimeoutSeconds 900 | Save-VeoVideo -Path ./out'
          Remarks = 'The local image is uploaded to AIHubMax first, because AIHubMax takes image URLs only. -Wait emits the task once it has succeeded, or writes TaskFailed or WaitTimedOut.'
        }
      )
      Links       = @('about_Veo', 'Get-VeoModel', 'Wait-VeoTask', 'Save-VeoVideo', 'New-VeoReferenceVideo')
    }

    'New-VeoTextVideo' = @{
      Synopsis    = 'Creates a Veo 3.1 text-to-video task: the video comes from the prompt alone.'
      Description = @(
        'New-VeoTextVideo asks the provider to generate a video from the prompt and emits the new task (Veo.Client.VeoTask, status Queued). Pipe it to Wait-VeoTask and Save-VeoVideo to get the video.'
        'The model comes from the provider (-Provider, else Connect-Veo''s, else HighwayApi) and the tier (-Model, Fast by default): HighwayAPI veo-3.1[-fast]-generate-text2video or veo-3.1-lite-t2v, AIHubMax veo-3.1[-fast|-lite]-text-to-video, Vtrix veo_31_fast. Get-VeoModel -Mode Text lists them and their rules.'
        'Before anything is sent the request is checked against the model''s rules; a violation given as parameters is a terminating error (InvalidArgument) and nothing is sent. HighwayAPI''s Standard and Fast endpoints require generate_audio, so false is sent when -GenerateAudio is not given. Vtrix text-to-video only accepts person generation allow_all, which is sent for you.'
        'Every call that passes the checks creates one billed task, sent once and never repeated after it may have reached the provider. The task is written to the task ledger before the cmdlet returns. -WhatIf shows the endpoint and the exact body and sends nothing.'
      )
      Parameters  = @{
        Prompt           = 'What the video shows. Required. An empty prompt fails parameter validation; a prompt of only white space is refused with PromptMissing. Binds by property name.'
        Model            = 'The tier of the Veo 3.1 model: Fast (the default), Standard or Lite, in any case, or a provider''s model id, used as given (refused with ModelNotAvailable, nothing sent, when it makes another kind of video; a piped task''s own Model stands for its tier, so an extension keeps it); tab completion offers the tiers the provider has. Vtrix has Fast only. Binds by property name.'
        Resolution       = 'The video resolution; the values each model accepts are in Get-VeoModel (and tab completion). Not case-sensitive; other values are refused with ResolutionNotAllowed. Binds by property name.'
        AspectRatio      = '16:9 (landscape, the default) or 9:16 (portrait). Other values are refused with AspectRatioNotAllowed. Binds by property name.'
        SampleCount      = 'How many videos the task makes: 1 to 4, each billed. Only HighwayApi and JieKou take it; elsewhere it is refused with OptionNotSupported. Binds by property name.'
        Seed             = 'A seed from 0 to 4294967295, for repeatable results, where the model takes one (Get-VeoModel); elsewhere refused with OptionNotSupported. Binds by property name.'
        NegativePrompt   = 'What the video should not show, where the model takes it. When omitted it is not sent. Binds by property name.'
        GenerateAudio    = 'Asks for a soundtrack (-GenerateAudio:$false sends false). HighwayAPI''s Standard and Fast text-to-video require the field, so false is sent when omitted. Vtrix and Google refuse it. Binds by property name; CSV text such as true/false is accepted.'
        EnhancePrompt    = 'Whether the provider may rewrite the prompt: $true or $false, where the model takes it; HighwayAPI''s Standard and Fast text-to-video always enhance and refuse $false with EnhancePromptAlwaysOn. Binds by property name.'
        PersonGeneration = 'Whether people may appear: AllowAdult, DontAllow or AllowAll, as the model allows (Get-VeoModel). Vtrix and Google take AllowAll only for text-to-video and extension and send it for you. Binds by property name.'
        SafetyTolerance  = 'How strictly AIHubMax filters content, from 1 (strictest) to 6; only AIHubMax''s Standard and Fast models take it. Binds by property name.'
        AutoFix          = 'Lets AIHubMax rewrite a prompt that fails its content checks (auto_fix). Only AIHubMax takes it. Binds by property name.'
        Wait             = 'Waits for the task to finish before emitting it, like piping it to Wait-VeoTask.'
        TimeoutSeconds   = 'With -Wait, the longest time to wait, in seconds. The default is 1800 (30 minutes).'
        DurationSeconds  = '4, 6 or 8 seconds (8 by default); 1080p and 4k need 8 on Vtrix and Google, and AIHubMax Lite at 1080p makes 8 only. Binds by property name.'
      }
      Inputs      = @(
        @{ Type = 'System.Management.Automation.PSObject'; Description = 'Objects whose properties are named like the parameters (Prompt, Model, DurationSeconds, …), such as the rows of Import-Csv.' }
      )
      Outputs     = @{
        'Veo.Client.VeoTask' = 'One per created task (Mode Text), Queued, or Succeeded with -Wait.'
      }
      Notes       = @(
        'Errors carry a stable ErrorId: match them with $_.FullyQualifiedErrorId -like ''<Id>,*''. A bad row of pipeline input is a non-terminating error naming the row by its position and its own values, with the row as TargetObject.'
      )
      Errors      = @(
        'ModelNotAvailable', 'PromptMissing', 'OptionNotSupported', 'DurationNotAllowed', 'ResolutionNotAllowed', 'AspectRatioNotAllowed',
        'SampleCountOutOfRange', 'SeedOutOfRange', 'PersonGenerationNotAllowed', 'EnhancePromptAlwaysOn', 'SafetyToleranceOutOfRange',
        'NoApiKey', 'AuthenticationFailed', 'InsufficientBalance', 'AccessDenied', 'RequestRejected', 'ModelNotFound', 'RateLimited',
        'ProviderUnavailable', 'ProviderError', 'InvalidProviderResponse', 'ConnectionFailed', 'RequestTimedOut', 'CreateOutcomeUnknown', 'IdempotencyKeyConflict',
        'TaskFailed', 'WaitTimedOut',
        'InvalidBaseUri', 'InvalidApiKey'
      )
      Examples    = @(
        @{
          Title   = 'A text-to-video clip, saved'
          Code    = 'New-VeoTextVideo -Prompt ''a lighthouse in a storm, waves crashing'' -DurationSeconds 6 | Wait-VeoTask | Save-VeoVideo -Path ./out'
          Remarks = 'Creates a 6-second Fast clip on the default provider, waits for it and saves ./out/<TaskId>.mp4.'
        }
        @{
          Title   = 'Portrait, Standard tier, with audio, on AIHubMax'
          Code    = 'New-VeoTextVideo -Prompt ''a street drummer at dusk'' -Provider AIHubMax -Model Standard -AspectRatio 9:16 -GenerateAudio -Wait'
          Remarks = 'Creates the task with AIHubMax''s Standard text-to-video model and emits it once it has succeeded.'
        }
      )
      Links       = @('about_Veo', 'Get-VeoModel', 'Wait-VeoTask', 'Save-VeoVideo', 'New-VeoExtendedVideo')
    }

    'New-VeoExtendedVideo' = @{
      Synopsis    = 'Creates a Veo 3.1 task that continues a video by about seven seconds.'
      Description = @(
        'New-VeoExtendedVideo asks the provider to continue a video and emits the new task (Veo.Client.VeoTask, Mode Extend). The video is a succeeded task piped in (its first video; its provider, address and key are used unless -Provider says otherwise), an http(s) URL, or a local MP4 file (checked by content).'
        'Models: HighwayAPI veo-3.1[-fast|-lite]-generate-extend / veo-3.1-lite-extend (a local MP4 is sent as base64; Lite takes URLs only and refuses a file with VideoUrlRequired), AIHubMax veo-3.1-extend and veo-3.1-extend-fast (URLs only, so a local MP4 is uploaded first as a multipart file streamed from disk, once per command), Vtrix veo_31_fast (bytes only, so a URL or a task''s video is fetched and checked first; 720p, 8 seconds and allow_all only), Google veo-3.1[-fast]-generate-preview (only a video Google generated, sent as its URI: pipe in a finished Google task; 720p, 8 seconds and allow_all only).'
        'Before anything is sent the request is checked against the model''s rules; a violation given as parameters is a terminating error and nothing is sent. Every call that passes the checks creates one billed task, sent once. -WhatIf shows the exact body and sends, uploads and fetches nothing.'
      )
      Parameters  = @{
        Prompt           = 'What the video shows. Required. An empty prompt fails parameter validation; a prompt of only white space is refused with PromptMissing. Binds by property name.'
        Model            = 'The tier of the Veo 3.1 model: Fast (the default), Standard or Lite, in any case, or a provider''s model id, used as given (refused with ModelNotAvailable, nothing sent, when it makes another kind of video; a piped task''s own Model stands for its tier, so an extension keeps it); tab completion offers the tiers the provider has. Vtrix has Fast only. Binds by property name.'
        Resolution       = 'The video resolution; the values each model accepts are in Get-VeoModel (and tab completion). Not case-sensitive; other values are refused with ResolutionNotAllowed. Binds by property name.'
        AspectRatio      = '16:9 (landscape, the default) or 9:16 (portrait). Other values are refused with AspectRatioNotAllowed. Binds by property name.'
        SampleCount      = 'How many videos the task makes: 1 to 4, each billed. Only HighwayApi and JieKou take it; elsewhere it is refused with OptionNotSupported. Binds by property name.'
        Seed             = 'A seed from 0 to 4294967295, for repeatable results, where the model takes one (Get-VeoModel); elsewhere refused with OptionNotSupported. Binds by property name.'
        NegativePrompt   = 'What the video should not show, where the model takes it. When omitted it is not sent. Binds by property name.'
        GenerateAudio    = 'Asks for a soundtrack (-GenerateAudio:$false sends false). HighwayAPI''s Standard and Fast text-to-video require the field, so false is sent when omitted. Vtrix and Google refuse it. Binds by property name; CSV text such as true/false is accepted.'
        EnhancePrompt    = 'Whether the provider may rewrite the prompt: $true or $false, where the model takes it; HighwayAPI''s Standard and Fast text-to-video always enhance and refuse $false with EnhancePromptAlwaysOn. Binds by property name.'
        PersonGeneration = 'Whether people may appear: AllowAdult, DontAllow or AllowAll, as the model allows (Get-VeoModel). Vtrix and Google take AllowAll only for text-to-video and extension and send it for you. Binds by property name.'
        SafetyTolerance  = 'How strictly AIHubMax filters content, from 1 (strictest) to 6; only AIHubMax''s Standard and Fast models take it. Binds by property name.'
        AutoFix          = 'Lets AIHubMax rewrite a prompt that fails its content checks (auto_fix). Only AIHubMax takes it. Binds by property name.'
        Wait             = 'Waits for the task to finish before emitting it, like piping it to Wait-VeoTask.'
        TimeoutSeconds   = 'With -Wait, the longest time to wait, in seconds. The default is 1800 (30 minutes).'
        Video            = 'The video to continue: a succeeded VeoTask (from the pipeline), an http(s) URL, or the path of a local MP4 file (at most 200 MB). A task that has not succeeded is refused with TaskHasNoVideo. Binds from the pipeline and by property name.'
      }
      Inputs      = @(
        @{ Type = 'System.Object'; Description = 'A succeeded Veo.Client.VeoTask whose video is continued, or a URL or path; or objects with a Video property.' }
        @{ Type = 'System.Management.Automation.PSObject'; Description = 'Objects whose properties are named like the parameters (Video, Prompt, Model, …), such as the rows of Import-Csv.' }
      )
      Outputs     = @{
        'Veo.Client.VeoTask' = 'One per created task (Mode Extend), Queued, or Succeeded with -Wait.'
      }
      Notes       = @(
        'Errors carry a stable ErrorId: match them with $_.FullyQualifiedErrorId -like ''<Id>,*''.'
      )
      Errors      = @(
        'ModelNotAvailable', 'PromptMissing', 'OptionNotSupported', 'DurationNotAllowed', 'ResolutionNotAllowed', 'AspectRatioNotAllowed',
        'SampleCountOutOfRange', 'SeedOutOfRange', 'PersonGenerationNotAllowed', 'EnhancePromptAlwaysOn', 'SafetyToleranceOutOfRange',
        'NoApiKey', 'AuthenticationFailed', 'InsufficientBalance', 'AccessDenied', 'RequestRejected', 'ModelNotFound', 'RateLimited',
        'ProviderUnavailable', 'ProviderError', 'InvalidProviderResponse', 'ConnectionFailed', 'RequestTimedOut', 'CreateOutcomeUnknown', 'IdempotencyKeyConflict',
        'TaskFailed', 'WaitTimedOut',
        'VideoNotFound', 'VideoEmpty', 'VideoTooLarge', 'VideoFormatNotSupported', 'VideoUrlUnavailable', 'VideoUrlRequired', 'TaskHasNoVideo', 'FileUnreadable',
        'InvalidBaseUri', 'InvalidApiKey', 'InputIsAFolder', 'UnsupportedVideoLink'
      )
      Examples    = @(
        @{
          Title   = 'Make a clip, then continue it'
          Code    = 'New-VeoTextVideo -Prompt ''a paper boat on a river'' | Wait-VeoTask | New-VeoExtendedVideo -Prompt ''the boat drifts under a bridge'' | Wait-VeoTask | Save-VeoVideo -Path ./out'
          Remarks = 'The first task''s video is continued on the same provider with the same key; the extension is saved to ./out.'
        }
        @{
          Title   = 'Extend a local MP4 on AIHubMax'
          Code    = 'New-VeoExtendedVideo -Prompt ''the camera pulls back'' -Video ./clip.mp4 -Provider AIHubMax -Verbose'
          Remarks = 'AIHubMax takes URLs only: -Verbose shows the upload of clip.mp4 before the create request.'
        }
      )
      Links       = @('about_Veo', 'Get-VeoModel', 'New-VeoTextVideo', 'Wait-VeoTask', 'Save-VeoVideo')
    }

    'New-VeoReferenceVideo' = @{
      Synopsis    = 'Creates a Veo 3.1 video task guided by one to three reference images; the video is always 8 seconds long.'
      Description = @(
        'New-VeoReferenceVideo asks the provider to generate a video whose content follows one to three reference images (a subject, an object, a place), and emits the new task (Veo.Client.VeoTask, status Queued) as soon as the provider has accepted it; pipe it to Wait-VeoTask and Save-VeoVideo, or use -Wait. Reference videos are always 8 seconds long, so there is no -DurationSeconds. HighwayAPI and Vtrix use the images as assets (their content); AIHubMax''s Standard model can use them for their style instead (-ReferenceType Style).'
        'The model is chosen from the provider (-Provider, else the one given to Connect-Veo, else HighwayApi) and the tier (-Model: Fast by default). HighwayApi, JieKou and AIHubMax offer Standard and Fast reference models, Vtrix only Fast; no provider offers a Lite reference model. Get-VeoModel -Mode Reference lists them and what each accepts.'
        'Before anything is sent, the request is checked against the model''s rules (resolutions, aspect ratios, the number of images and samples, the seed range, person-generation values, and which optional parameters the model takes) and the local images are read and checked: they must exist, be JPEG or PNG by content, and be at most 20 MB. A request that breaks a rule is refused with an error that names what is allowed, and nothing is sent, so it costs nothing. A rule or image error is terminating when the values came from parameters, and non-terminating when they came from pipeline input.'
        'The resolution and aspect ratio you do not give are filled in with the model''s defaults (16:9, and 720p, or 1080p on AIHubMax); the other optional parameters you do not give are not sent. HighwayAPI and JieKou receive local images as base64 and URLs as they are; AIHubMax takes URLs only, so local files are uploaded to it first; Vtrix takes bytes only, so URLs are downloaded and checked first.'
        'Every call that passes the checks creates one task, and the provider bills it. The create request is sent once and never repeated after it may have reached the provider; if no answer came, the error is CreateOutcomeUnknown, and a task may exist and be billed. Each created task is written to the task ledger before it is emitted (see about_Veo).'
        'New-VeoReferenceVideo supports -WhatIf and -Confirm (ConfirmImpact Medium, so it asks for confirmation only with -Confirm or when $ConfirmPreference is Medium or Low). -WhatIf runs all the checks and then shows the model, the endpoint and the exact JSON body that would be sent, with each image summarised; it sends, uploads and downloads nothing.'
      )
      Parameters  = @{
        Prompt           = 'What the video shows. Required. An empty prompt fails parameter validation; a prompt of only white space is refused with PromptMissing. Binds by property name.'
        ReferenceImage   = 'One to three reference images, each the path of a local JPEG or PNG file (at most 20 MB, recognised by content) or an http(s) URL. More than three are refused with ReferenceImageCount. Binds by property name.'
        ReferenceType    = 'How AIHubMax''s Standard model uses the images: Asset (their content: subjects and objects) or Style (their look). Only that model takes it; elsewhere it is refused with OptionNotSupported (HighwayAPI and Vtrix always use the images as assets). When omitted it is not sent. Binds by property name.'
        Model            = 'The tier of the Veo 3.1 model: Fast (the default) or Standard, in any case (Standard costs more); another word fails parameter validation. HighwayApi, JieKou and AIHubMax offer both; Vtrix offers only Fast. Lite, which no provider offers for reference videos, and Standard on Vtrix are refused with ModelNotAvailable. Tab completion offers only the tiers of the provider already typed (or the Connect-Veo default). A provider''s model id (Get-VeoModel lists them) is used as given: it must make this cmdlet''s kind of video, or the call is refused with ModelNotAvailable and nothing is sent. Binds by property name.'
        Resolution       = @(
          'The video resolution. HighwayApi and JieKou: 720p or 1080p (default 720p). AIHubMax: 720p, 1080p or 4k (default 1080p). Vtrix: 720p, 1080p or 4k (default 720p).'
          'The value is not case-sensitive. Tab completion offers the values of the provider and tier already typed. Other values are refused with ResolutionNotAllowed. Binds by property name.'
        )
        AspectRatio      = '16:9 (landscape, the default) or 9:16 (portrait), except on Google, whose reference videos are 16:9 only. Other values are refused with AspectRatioNotAllowed. Binds by property name.'
        SampleCount      = 'How many videos the task makes: 1 to 4. Each video is billed. HighwayApi, JieKou and Google take it; AIHubMax and Vtrix refuse it with OptionNotSupported. When omitted it is not sent. Binds by property name.'
        Seed             = 'A seed from 0 to 4294967295, for repeatable results. Only HighwayApi and JieKou take it for reference videos; AIHubMax, Vtrix and Google refuse it with OptionNotSupported. When omitted it is not sent. Binds by property name.'
        NegativePrompt   = 'What the video should not show. HighwayApi, JieKou, Vtrix and Google take it; AIHubMax''s reference models refuse it with OptionNotSupported. When omitted it is not sent. Binds by property name.'
        GenerateAudio    = 'Asks for a soundtrack (generate_audio true); -GenerateAudio:$false sends false. When omitted nothing is sent. HighwayApi, JieKou and AIHubMax take it; Vtrix and Google refuse it with OptionNotSupported. Binds by property name. From the pipeline it also takes text, as a CSV column holds it: true, yes, y or 1, and false, no, n or 0; an empty value means not given.'
        EnhancePrompt    = 'Whether the provider may rewrite the prompt: $true or $false. When omitted it is not sent. HighwayAPI''s and Google''s reference models and AIHubMax''s Standard reference model take it; AIHubMax Fast and Vtrix refuse it with OptionNotSupported. Binds by property name. From the pipeline it also takes text, as a CSV column holds it: true, yes, y or 1, and false, no, n or 0; an empty value means not given.'
        PersonGeneration = 'Whether people may appear: AllowAdult, DontAllow or AllowAll; no reference model accepts AllowAll. HighwayApi, JieKou and AIHubMax Standard accept AllowAdult and DontAllow; AIHubMax Fast refuses the parameter (OptionNotSupported); Vtrix and Google accept AllowAdult only and send it when omitted. Elsewhere, when omitted it is not sent. A value the model does not accept is refused with PersonGenerationNotAllowed. Binds by property name.'
        SafetyTolerance  = 'How strictly AIHubMax filters content, from 1 (strictest) to 6 (most permissive). Only AIHubMax''s models take it; elsewhere it is refused with OptionNotSupported, and values outside 1 to 6 with SafetyToleranceOutOfRange. When omitted it is not sent. Binds by property name.'
        AutoFix          = 'Lets AIHubMax rewrite a prompt that fails its content checks instead of failing the task (auto_fix true; -AutoFix:$false sends false). Only AIHubMax takes it. When omitted it is not sent. Binds by property name. From the pipeline it also takes text, as a CSV column holds it: true, yes, y or 1, and false, no, n or 0; an empty value means not given.'
        Wait             = 'Waits for the task to finish before emitting it, like piping it to Wait-VeoTask: the task is emitted only once it has succeeded. A failed task is a TaskFailed error and a wait longer than -TimeoutSeconds a WaitTimedOut error; both are non-terminating and carry the latest task as TargetObject.'
        TimeoutSeconds   = 'With -Wait, the longest time to wait, in seconds (1 or more). The default is 1800 (30 minutes). Without -Wait it has no effect.'
        Provider         = 'The provider that creates the video: HighwayApi, JieKou, AIHubMax, Vtrix or Google. By default, the provider last given to Connect-Veo, else HighwayApi. It does not change the session''s default.'
        BaseUri          = 'The provider''s base address for this call, for example a proxy or the bundled simulator (http://127.0.0.1:8080/). By default, the address given to Connect-Veo for the provider, else the provider''s public address: https://api.highwayapi.ai/, https://api.jiekou.ai/, https://api.aihubmax.com/ or https://cloud.vtrix.ai/. The task remembers it, and the task ledger records it.'
      }
      Inputs      = @(
        @{ Type = 'System.Management.Automation.PSObject'; Description = 'Objects whose properties are named like the parameters (Prompt, ReferenceImage, ReferenceType, Model, Resolution, AspectRatio, SampleCount, Seed, NegativePrompt, GenerateAudio, EnhancePrompt, PersonGeneration, SafetyTolerance, AutoFix). Each object creates one task. -Wait, -TimeoutSeconds, -IdempotencyKey and -Force bind by property name too; a blank value means not given.' }
      )
      Outputs     = @{
        'Veo.Client.VeoTask' = 'One per created task: TaskId, Provider, Model (the provider''s model id), Mode (Reference), Status (Queued, or Succeeded with -Wait), Progress, EtaSeconds, Videos, ErrorCode, ErrorMessage, Cost (when the provider reports it), Prompt, CreatedAt, RetrievedAt and BaseUri. Nothing is emitted with -WhatIf.'
      }
      Notes       = @(
        'Errors carry a stable ErrorId: match them with $_.FullyQualifiedErrorId -like ''<Id>,*''. Those marked "nothing sent" are found before any request, cost nothing, and are terminating unless the values came from the pipeline. The others come from the provider or the network and are non-terminating. A failure that is not one of these (a bug, or a fault the module does not recognise) is written with the id UnexpectedError.'
      )
      Errors      = @(
        'ModelNotAvailable', 'PromptMissing', 'OptionNotSupported', 'ResolutionNotAllowed', 'AspectRatioNotAllowed', 'SampleCountOutOfRange',
        'SeedOutOfRange', 'ReferenceImageCount', 'PersonGenerationNotAllowed', 'SafetyToleranceOutOfRange',
        'ImageNotFound', 'ImageEmpty', 'ImageTooLarge', 'ImageFormatNotSupported', 'FileUnreadable', 'ImageUrlUnavailable',
        'NoApiKey', 'AuthenticationFailed', 'InsufficientBalance', 'AccessDenied', 'RequestRejected', 'ModelNotFound', 'RateLimited',
        'ProviderUnavailable', 'ProviderError', 'InvalidProviderResponse', 'ConnectionFailed', 'RequestTimedOut', 'CreateOutcomeUnknown', 'IdempotencyKeyConflict',
        'TaskNotFound', 'TaskFailed', 'WaitTimedOut',
        'InvalidBaseUri', 'InvalidApiKey', 'InputIsAFolder'
      )
      Examples    = @(
        @{
          Title   = 'Two reference images, two samples, saved'
          Code    = 'New-VeoReferenceVideo -Prompt ''a fox in snow'' -ReferenceImage ./fox.png, ./forest.jpg -Model Standard -SampleCount 2 | Wait-VeoTask | Save-VeoVideo -Path ./out'
          Remarks = 'Creates one task that makes two 8-second videos, waits for it, and saves them as ./out/<TaskId>-1.mp4 and ./out/<TaskId>-2.mp4.'
        }
        @{
          Title   = 'Up to three images from a folder'
          Code    = @'
$images = Get-ChildItem ./refs -Filter *.png | Select-Object -First 3 -ExpandProperty FullName
New-VeoReferenceVideo -Prompt 'the three friends walk through the park' -ReferenceImage $images -Wait
'@
          Remarks = 'With -Wait the task is emitted once it has succeeded. A fourth image would be refused with ReferenceImageCount before anything is sent.'
        }
        @{
          Title   = 'A style reference on AIHubMax'
          Code    = 'New-VeoReferenceVideo -Provider AIHubMax -Prompt ''a city street at night'' -ReferenceImage ./fox.png -ReferenceType Style -Model Standard -Resolution 4k -WhatIf'
          Remarks = 'Shows the request AIHubMax''s Standard reference model would receive, with reference_type STYLE and the image as the URL it would have after upload. Nothing is uploaded or sent; remove -WhatIf to create the task.'
        }
      )
      Links       = @('about_Veo', 'Get-VeoModel', 'Wait-VeoTask', 'Save-VeoVideo', 'New-VeoFrameVideo')
    }

    'Get-VeoTask'           = @{
      Synopsis    = 'Gets the current state of Veo tasks: by id, by refreshing task objects, or the most recent tasks in the task ledger.'
      Description = @(
        'Get-VeoTask asks the provider for the current state of tasks and emits each one (Veo.Client.VeoTask). It only reads: it sends status requests, which cost nothing, and does not wait (use Wait-VeoTask for that).'
        'With no id (parameter set Recent, the default) it reads the newest -Last entries of the task ledger (10 by default), the per-user file in which this module records every task it creates (see about_Veo), asks for all of them at once, and emits them newest first. An entry that cannot be read from its provider (no key, a task the provider no longer knows) is a non-terminating error whose TargetObject is the ledger entry; the others are still emitted. A ledger line that cannot be read is skipped with a warning. With an empty ledger nothing is emitted.'
        'With -TaskId (parameter set TaskId) it reads each task by id. The provider and base address come from the ledger''s entry for the id, so a task created in another session or process is found with no Connect-Veo, and what the ledger knows (model, mode, prompt, creation time) is added to the task. The key is never in the ledger: it comes from -ApiKey, Connect-Veo or the provider''s environment variables. An id the ledger does not know is looked for at -Provider, else the provider given to Connect-Veo, else HighwayApi.'
        'With task objects (parameter set Task, usually piped from another Veo cmdlet) it refreshes them through the provider, address and key each task came with, keeping what they knew.'
        'Status requests are retried on network faults, HTTP 408, 429 and 5xx, with growing pauses, honouring Retry-After. Errors from the provider are non-terminating, so the other ids or tasks still go through.'
      )
      Parameters  = @{
        TaskId = 'The ids of the tasks to read. Binds from the pipeline by value (strings) and by property name (TaskId, or its alias Id). The provider and address come from the task ledger, or from -Provider and -BaseUri.'
        Task   = 'Task objects to refresh, usually piped from a New- cmdlet (New-VeoFrameVideo, New-VeoReferenceVideo, New-VeoTextVideo, New-VeoExtendedVideo), Wait-VeoTask or Get-VeoTask. Binds from the pipeline by value.'
        Last    = 'With no id or task: how many of the newest tasks in the ledger to read, 1 or more. The default is 10; with -Local, every entry.'
        Local   = 'Lists the task ledger itself, newest first, and sends no request at all: each entry (Veo.Client.LedgerEntry) has the task''s id, provider, address, model, prompt, creation time, IdempotencyKey, its last known Status and the SavedFiles saved from it. Entries pipe to Wait-VeoTask and Save-VeoVideo by their TaskId.'
        Unsaved = 'With -Local: keeps only the entries not known to have failed that have no saved file, which is what a re-run of a batch still has to wait for and save.'
      }
      Inputs      = @(
        @{ Type = 'System.String'; Description = 'Task ids, bound to -TaskId.' }
        @{ Type = 'Veo.Client.VeoTask'; Description = 'Tasks to refresh, bound to -Task.' }
        @{ Type = 'System.Management.Automation.PSObject'; Description = 'Any object with a TaskId or Id property, bound to -TaskId by property name.' }
      )
      Outputs     = @{
        'Veo.Client.VeoTask' = 'One per task, as the provider reports it now: Status (Queued, Running, Succeeded or Failed), Progress, EtaSeconds, Videos (links and their expiry), ErrorCode and ErrorMessage, Cost (when reported), and what was known from creation (Model, Mode, Prompt, CreatedAt, IdempotencyKey).'
        'Veo.Client.LedgerEntry' = 'With -Local: one per ledger entry, newest first, as the ledger knows it (last known Status, SavedFiles).'
      }
      Notes       = @(
        'The task ledger is the file tasks.jsonl in $env:VEO_HOME when that is set, else in the Veo folder of the local application-data folder (for example ~/.local/share/Veo on Linux, %LOCALAPPDATA%\Veo on Windows). It holds one JSON line per created task (id, provider, base address, model, mode, prompt, creation time, idempotency key and request fingerprint), and lines for keyed creates being sent, finished statuses and saved files; never the key. See about_Veo.'
        'Errors carry a stable ErrorId: match them with $_.FullyQualifiedErrorId -like ''<Id>,*''. They are non-terminating. A failure that is not one of these (a bug, or a fault the module does not recognise) is written with the id UnexpectedError.'
      )
      Errors      = @(
        'TaskNotFound', 'NoApiKey', 'AuthenticationFailed', 'AccessDenied', 'InsufficientBalance', 'RequestRejected', 'RateLimited',
        'ProviderUnavailable', 'ProviderError', 'InvalidProviderResponse', 'ConnectionFailed', 'RequestTimedOut',
        'InvalidTaskId', 'InvalidBaseUri', 'InvalidApiKey', 'LedgerLocked'
      )
      Examples    = @(
        @{
          Title   = 'The ten most recent tasks'
          Code    = 'Get-VeoTask'
          Remarks = 'Reads the ten newest tasks of the task ledger from their providers and lists them newest first, whatever session created them.'
        }
        @{
          Title   = 'Save the videos of the recent tasks that have succeeded'
          Code    = 'Get-VeoTask -Last 5 | Where-Object Status -EQ ''Succeeded'' | Save-VeoVideo -Path ./out'
          Remarks = 'Save-VeoVideo keeps files that already exist, so running this again downloads only new videos (and reports VideoFileExists for the others).'
        }
        @{
          Title   = 'Refresh a task object'
          Code    = @'
$task = New-VeoFrameVideo -Prompt 'a fox' -Image ./fox.png
$task | Get-VeoTask | Format-List
'@
          Remarks = 'Reads the task again through the provider, address and key it was created with, and shows all its properties.'
        }
        @{
          Title   = 'Read tasks by id from a file'
          Code    = 'Get-Content ./task-ids.txt | Get-VeoTask'
          Remarks = 'Each line is a task id, bound by value to -TaskId. The ledger says which provider and address created each task, so this works in a new session with no Connect-Veo, as long as a key is available.'
        }
        @{
          Title   = 'Why did recent tasks fail?'
          Code    = 'Get-VeoTask -Last 20 | Where-Object Status -EQ ''Failed'' | Format-Table TaskId, ErrorCode, ErrorMessage'
          Remarks = 'ErrorCode and ErrorMessage are the provider''s reason, for example a safety filter.'
        }
      )
      Links       = @('about_Veo', 'Wait-VeoTask', 'Save-VeoVideo')
    }

    'Wait-VeoTask'          = @{
      Synopsis    = 'Waits for Veo tasks to succeed or fail, and emits each task as soon as it succeeds.'
      Description = @(
        'Wait-VeoTask polls every task it receives at once, in the background, and emits each one (Veo.Client.VeoTask, status Succeeded) as soon as it succeeds, so the output comes in the order the tasks finish. A task that has already succeeded is emitted at once. It shows one progress bar for all the tasks it waits for: its activity says how many have finished (Veo tasks: 1 of 3 finished) and the bar is the overall percent; the text leads with the latest update''s state, percent and time left, then the end of its id (Running 42%, about 30 s left · task …06cc0fb7).'
        'It polls according to the provider''s estimate of the time left: sparsely early and densely near the end (about 60% of the estimate, between 1 and 15 seconds). Without an estimate it starts after 1 second and backs off to every 5 seconds. Status requests are retried on network faults, HTTP 408, 429 and 5xx, honouring Retry-After.'
        'A failed task, including one the provider reports as done without a video (a safety filter can do this), is a non-terminating TaskFailed error whose TargetObject is the task, with its ErrorCode and ErrorMessage. A task still unfinished after -TimeoutSeconds is a non-terminating WaitTimedOut error whose TargetObject is the latest state of the task; the task goes on at the provider, and piping it to Wait-VeoTask again resumes the wait. Nothing is emitted for either.'
        'Ctrl+C stops the wait at once. It never cancels a task at the provider: tasks go on, and can be found again with Get-VeoTask.'
        'With -TaskId each task is first read by id; the task ledger says which provider and address created it, as with Get-VeoTask -TaskId.'
      )
      Parameters  = @{
        Task           = 'The tasks to wait for, usually piped from a New- cmdlet (New-VeoFrameVideo, New-VeoReferenceVideo, New-VeoTextVideo, New-VeoExtendedVideo) or Get-VeoTask. Binds from the pipeline by value. Each is polled through the provider, address and key it came with.'
        TaskId         = 'The ids of the tasks to wait for. Binds by position, from the pipeline by value (strings) and by property name (TaskId, or its alias Id). The provider and address come from the task ledger, or from -Provider and -BaseUri.'
        TimeoutSeconds = 'How long to wait for each task, in seconds (1 or more), counted from the start of its wait. The default is 1800 (30 minutes). A task that has not finished by then is a WaitTimedOut error.'
      }
      Inputs      = @(
        @{ Type = 'System.String'; Description = 'Task ids, bound to -TaskId.' }
        @{ Type = 'Veo.Client.VeoTask'; Description = 'Tasks to wait for, bound to -Task.' }
        @{ Type = 'System.Management.Automation.PSObject'; Description = 'Any object with a TaskId or Id property, bound to -TaskId by property name.' }
      )
      Outputs     = @{
        'Veo.Client.VeoTask' = 'Each task that succeeded, once it has: Status Succeeded, Progress 100, and Videos with the links to download (and, where the provider says, when they expire).'
      }
      Notes       = @(
        'Errors carry a stable ErrorId: match them with $_.FullyQualifiedErrorId -like ''<Id>,*''. They are non-terminating, and for TaskFailed and WaitTimedOut the error''s TargetObject is the task. A failure that is not one of these (a bug, or a fault the module does not recognise) is written with the id UnexpectedError.'
      )
      Errors      = @(
        'TaskFailed', 'WaitTimedOut', 'TaskNotFound', 'NoApiKey', 'AuthenticationFailed', 'AccessDenied', 'InsufficientBalance', 'RequestRejected',
        'RateLimited', 'ProviderUnavailable', 'ProviderError', 'InvalidProviderResponse', 'ConnectionFailed', 'RequestTimedOut',
        'InvalidTaskId', 'InvalidBaseUri', 'InvalidApiKey', 'LedgerLocked'
      )
      Examples    = @(
        @{
          Title   = 'Create three takes and wait for all of them at once'
          Code    = @'
$tasks = 1..3 | ForEach-Object { New-VeoFrameVideo -Prompt 'the fox turns its head' -Image ./fox.png -Seed $_ }
$tasks | Wait-VeoTask -TimeoutSeconds 600 | Save-VeoVideo -Path ./takes
'@
          Remarks = 'The three tasks are polled together; each is emitted, and saved, as soon as it succeeds.'
        }
        @{
          Title   = 'Keep waiting after a timeout'
          Code    = @'
$done = $task | Wait-VeoTask -TimeoutSeconds 60 -ErrorAction SilentlyContinue -ErrorVariable problems
foreach ($problem in $problems) {
    if ($problem.FullyQualifiedErrorId -like 'WaitTimedOut,*') { $done = $problem.TargetObject | Wait-VeoTask }
    elseif ($problem.FullyQualifiedErrorId -like 'TaskFailed,*') { Write-Warning $problem.TargetObject.ErrorMessage }
}
'@
          Remarks = 'The WaitTimedOut error carries the latest state of the task, which can be waited for again. A TaskFailed error carries the failed task and the provider''s reason.'
        }
        @{
          Title   = 'Wait for recent tasks by id'
          Code    = 'Get-VeoTask -Last 3 | Select-Object TaskId | Wait-VeoTask'
          Remarks = 'Objects with a TaskId property bind to -TaskId by property name; each task is read by id and then waited for.'
        }
      )
      Links       = @('about_Veo', 'Get-VeoTask', 'Save-VeoVideo')
    }

    'Save-VeoVideo'         = @{
      Synopsis    = 'Downloads the videos of Veo tasks to files, waiting first for tasks that have not finished.'
      Description = @(
        'Save-VeoVideo downloads every video of each task and emits one System.IO.FileInfo per file. A task that has not succeeded yet is waited for first, as Wait-VeoTask would (up to -TimeoutSeconds); a failed task is a TaskFailed error and nothing is downloaded for it.'
        'The files are named from -Path. If -Path is an existing folder, ends with a path separator, or has no extension, it is a folder (created if needed) that receives <IdempotencyKey>.mp4 for a task created with a key (characters not allowed in file names become _), else <TaskId>.mp4, or <name>-1.mp4, <name>-2.mp4 and so on for a task with several videos. Each saved file is written to the task ledger (Get-VeoTask -Local -Unsaved lists what is left to save). Otherwise it is a file name: the first video is saved there and the next ones get -2, -3 suffixes (fox.mp4, fox-2.mp4). Use a folder when you save several tasks.'
        'Files arrive complete or not at all: each download streams into a hidden temporary file beside the target and is renamed into place only when every byte has arrived. A broken transfer resumes where it stopped with a Range request (up to five attempts more in all); one that receives nothing for 60 seconds, or less than 1 KiB/s over a minute, counts as broken, and so does a resume answered from the wrong byte (the download then starts over). A file is kept only if it starts like an MP4 (an ftyp box): an HTML or JSON error page sent as the video is a DownloadNotAVideo error that quotes it. An expired link (HTTP 403, 404 or 410) is renewed by reading the task once more. An existing file is kept, with a VideoFileExists error, unless -Force is given; a file the task ledger says was saved from the same task is kept and emitted without an error, so a re-run of a batch ends with the same files. Two tasks never share one file name: when -Path is a file name, or when two tasks'' keys name the same file in a folder, the tasks after the first are reported with VideoPathConflict, -Force or not. Temporary files (.veo-*.partial) left by a process that was killed are removed by the next save into that folder once they are an hour old. Requests for video links carry no API key, and only http(s) links are fetched.'
        'Providers keep results only for a while (HighwayAPI''s links expire after about an hour; AIHubMax''s after 24 hours), so save videos soon after the tasks succeed.'
        'Several tasks are waited for and downloaded at once (-ThrottleLimit, 4 by default), each with its own progress bar; the files are still emitted in the order the tasks came in.'
        'Save-VeoVideo supports -WhatIf and -Confirm (ConfirmImpact Low), once per task. With -WhatIf nothing is read, waited for or downloaded.'
      )
      Parameters  = @{
        Task           = 'The tasks whose videos to save, usually piped from Wait-VeoTask, a New- cmdlet (New-VeoFrameVideo, New-VeoReferenceVideo, New-VeoTextVideo, New-VeoExtendedVideo) or Get-VeoTask. Binds from the pipeline by value. Each is read and downloaded through the provider, address and key it came with.'
        TaskId         = 'The ids of the tasks whose videos to save. Binds from the pipeline by value (strings) and by property name (TaskId, or its alias Id). The provider, address and idempotency key come from the task ledger, or from -Provider and -BaseUri.'
        Path           = 'Where to save: a folder (an existing folder, a path ending with a separator, or a path without an extension that is not an existing file) that receives <IdempotencyKey>.mp4 or <TaskId>.mp4 files, or a file name (for one task). Relative paths are resolved against the current location. The default is the current location.'
        Force          = 'Overwrites files that already exist. Without it an existing file is kept and reported with VideoFileExists.'
        ThrottleLimit  = 'How many tasks are waited for and downloaded at once, 1 to 64; the default is 4. Whatever order the downloads finish in, the files are emitted in the order the tasks came in (and, within a task, in video order). -ThrottleLimit 1 saves one task after another.'
        TimeoutSeconds = 'How long each task may take, waiting and downloading together, in seconds (1 or more), whatever the servers do. The default is 1800 (30 minutes). A task that has not finished by then is a WaitTimedOut error and nothing is downloaded for it; a download still running then is a DownloadTimedOut error.'
      }
      Inputs      = @(
        @{ Type = 'System.String'; Description = 'Task ids, bound to -TaskId.' }
        @{ Type = 'Veo.Client.VeoTask'; Description = 'Tasks whose videos to save, bound to -Task.' }
        @{ Type = 'System.Management.Automation.PSObject'; Description = 'Any object with a TaskId or Id property (for example the rows of Import-Csv), bound to -TaskId by property name.' }
      )
      Outputs     = @{
        'System.IO.FileInfo' = 'One per saved video file, as Get-Item gives it (with PSPath, PSParentPath, PSChildName, PSDrive and PSProvider). Nothing is emitted with -WhatIf or for a video that could not be saved.'
      }
      Notes       = @(
        'Errors carry a stable ErrorId: match them with $_.FullyQualifiedErrorId -like ''<Id>,*''. They are non-terminating: the other videos and tasks are still saved. For a download error the TargetObject is the file path; for TaskFailed and WaitTimedOut it is the task. A failure that is not one of these (a bug, or a fault the module does not recognise) is written with the id UnexpectedError.'
      )
      Errors      = @(
        'VideoFileExists', 'DownloadIncomplete', 'DownloadFailed', 'DownloadNotAVideo', 'DownloadTooLarge', 'DownloadTimedOut', 'VideoLinkExpired', 'TaskHasNoVideo', 'TaskFailed', 'WaitTimedOut',
        'TaskNotFound', 'NoApiKey', 'AuthenticationFailed', 'AccessDenied', 'InsufficientBalance', 'RequestRejected', 'RateLimited',
        'ProviderUnavailable', 'ProviderError', 'InvalidProviderResponse', 'ConnectionFailed', 'RequestTimedOut',
        'InvalidTaskId', 'InvalidBaseUri', 'InvalidApiKey', 'LedgerLocked', 'VideoPathConflict', 'VideoPathNotWritable', 'DiskFull', 'UnsupportedVideoLink'
      )
      Examples    = @(
        @{
          Title   = 'Create, wait and save in one pipeline'
          Code    = 'New-VeoFrameVideo -Prompt ''the fox looks up as snow starts to fall'' -Image ./fox.png | Wait-VeoTask | Save-VeoVideo -Path ./out'
          Remarks = 'Saves the video as ./out/<TaskId>.mp4 and emits its FileInfo.'
        }
        @{
          Title   = 'Save to a file name, replacing an older file'
          Code    = '$task | Save-VeoVideo -Path ./out/fox.mp4 -Force'
          Remarks = 'Waits first if the task has not finished. With several videos the next ones become fox-2.mp4, fox-3.mp4. Without -Force an existing fox.mp4 is kept and VideoFileExists is reported.'
        }
        @{
          Title   = 'Save tasks listed in a CSV file'
          Code    = 'Import-Csv ./tasks.csv | Save-VeoVideo -Path ./videos'
          Remarks = 'Each row''s TaskId (or Id) column binds to -TaskId. The task ledger says which provider and address created each task.'
        }
        @{
          Title   = 'See what would be downloaded'
          Code    = 'Get-VeoTask -Last 3 | Save-VeoVideo -Path ./videos -WhatIf'
          Remarks = 'Prints one line per task and target folder; nothing is read, waited for or downloaded.'
        }
      )
      Links       = @('about_Veo', 'Wait-VeoTask', 'Get-VeoTask')
    }
  }
}
