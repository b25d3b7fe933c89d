using System.Management.Automation;

namespace Veo.PowerShell.Infrastructure;

/// <summary>
/// Makes an empty CSV cell mean "not given" for a number, enum or URI parameter. PowerShell would bind "" to an int
/// as 0 (a seed of 0 sent) and refuse it for an enum; a blank cell becomes a value no parameter type accepts, so
/// pipeline binding leaves the parameter unbound and the model's default applies. String parameters take blanks as
/// they are and the cmdlet treats them as not given.
/// </summary>
public sealed class BlankMeansNotGivenAttribute : ArgumentTransformationAttribute
{
    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData) =>
        IsBlank(inputData) ? BlankCell.Instance : inputData;

    public static bool IsBlank(object? inputData) =>
        (inputData is PSObject wrapped ? wrapped.BaseObject : inputData) is string text && text.Trim().Length == 0;

    /// <summary>The stand-in for a blank value; converts to no parameter type.</summary>
    private sealed class BlankCell
    {
        public static readonly BlankCell Instance = new();

        public override string ToString() => "(a blank value)";
    }
}
