using System;
using System.Linq;
using System.Management.Automation;

namespace Veo.PowerShell.Infrastructure;

/// <summary>Accepts a string only if it names a member of the enum (any case) or is blank (not given), listing the names otherwise.</summary>
public sealed class ValidateEnumNameAttribute : ValidateArgumentsAttribute
{
    private readonly Type _enumType;

    public ValidateEnumNameAttribute(Type enumType)
    {
        _enumType = enumType;
    }

    /// <summary>What else the parameter takes (a transformation before this check turns it into a name), for the message.</summary>
    public string? AlsoAccepted { get; set; }

    protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
    {
        string? text = (arguments is PSObject wrapped ? wrapped.BaseObject : arguments)?.ToString();
        if (BlankMeansNotGivenAttribute.IsBlank(arguments))
        {
            // A blank CSV cell: the cmdlet treats it as not given.
            return;
        }

        if (text is null || !Enum.GetNames(_enumType).Any(n => string.Equals(n, text, StringComparison.OrdinalIgnoreCase)))
        {
            string names = string.Join(", ", Enum.GetNames(_enumType));
            throw new ValidationMetadataException(AlsoAccepted is null
                ? $"'{text}' is not one of: {names}."
                : $"'{text}' is not one of: {names}, nor {AlsoAccepted}.");
        }
    }
}
