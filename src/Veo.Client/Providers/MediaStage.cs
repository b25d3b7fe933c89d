using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;

namespace Veo.Client;

/// <summary>
/// The part of a protocol's media stage every provider shares: each distinct image or video that needs work is turned,
/// once, into what the provider takes (an uploaded file's URL, a fetched URL's bytes), and put back where it was used.
/// </summary>
internal static class MediaStage
{
    public static async Task<VideoRequest> ReplaceAsync(
        VideoRequest request, Func<MediaInput, bool> needsWork, Func<MediaInput, Task<MediaInput>> convert)
    {
        var converted = new Dictionary<MediaInput, MediaInput>();
        foreach (MediaInput media in request.AllMedia().Where(needsWork).Distinct())
        {
            converted[media] = await convert(media).ConfigureAwait(false);
        }

        return request.WithMedia(media => converted.TryGetValue(media, out MediaInput? replacement) ? replacement : media);
    }
}
