using System.Collections.Generic;

namespace Veo.Client;

/// <summary>How the providers spell a person-generation choice on the wire (Google's words, which they all copy).</summary>
internal static class PersonGenerationWords
{
    private static readonly Dictionary<PersonGeneration, string> Words = new()
    {
        [PersonGeneration.AllowAll] = "allow_all",
        [PersonGeneration.AllowAdult] = "allow_adult",
        [PersonGeneration.DontAllow] = "dont_allow",
    };

    /// <summary>The wire word for a choice, or null when none was made.</summary>
    public static string? Spell(PersonGeneration? choice) => choice is PersonGeneration value ? Words[value] : null;
}
