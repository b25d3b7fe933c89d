using System.Management.Automation;

namespace Veo.PowerShell.Infrastructure;

/// <summary>
/// Lets a bool or switch parameter take the text a CSV column holds ("true", "False", "yes", "0"); PowerShell
/// itself refuses strings for these parameters, which would make every Import-Csv row fail. A blank cell is left as
/// it is: PowerShell then leaves the parameter unbound, which means "not given".
/// </summary>
public sealed class CsvBooleanAttribute : ArgumentTransformationAttribute
{
    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
    {
        object? value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
        if (value is not string text || BlankMeansNotGivenAttribute.IsBlank(text))
        {
            return inputData;
        }

        switch (text.Trim().ToLowerInvariant())
        {
            case "true" or "yes" or "y" or "1" or "$true":
                return true;
            case "false" or "no" or "n" or "0" or "$false":
                return false;
            default:
                throw new ArgumentTransformationMetadataException($"'{text}' is not a yes/no value; use true or false.");
        }
    }
}
