// netstandard2.0 lacks the marker types newer C# features compile against.
namespace System.Runtime.CompilerServices
{
    internal static class IsExternalInit
    {
    }
}
