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
            throw new ValidationMetadataException($"'{text}' is not one of: {string.Join(", ", Enum.GetNames(_enumType))}.");
        }
    }
}
