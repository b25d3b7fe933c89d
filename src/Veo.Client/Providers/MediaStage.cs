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
        try
        {
            foreach (MediaInput media in request.AllMedia().Where(needsWork).Distinct())
            {
                converted[media] = await convert(media).ConfigureAwait(false);
            }
        }
        catch
        {
            // The request is not sent: the copies fetched before the failure go now.
            foreach (MediaInput done in converted.Values)
            {
                done.DeleteFetchedCopy();
            }

            throw;
        }

        return request.WithMedia(media => converted.TryGetValue(media, out MediaInput? replacement) ? replacement : media);
    }
}
