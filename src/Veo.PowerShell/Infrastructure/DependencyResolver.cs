using System;
using System.IO;
using System.Linq.Expressions;
using System.Management.Automation;
using System.Reflection;

namespace Veo.PowerShell.Infrastructure;

/// <summary>
/// Keeps the module's own dependencies (the dependencies folder: Polly and its helpers, and System.Text.Json for
/// Windows PowerShell) from clashing with other versions a session already loaded. On PowerShell 7 they load into a
/// private AssemblyLoadContext, so another module's Polly.Core cannot break this one; Veo's own types stay in the
/// default context, where scripts can name them. On Windows PowerShell 5.1 they are resolved from the folder.
/// </summary>
public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
{
    public void OnImport() => DependencyResolver.Register();

    public void OnRemove(PSModuleInfo psModuleInfo) => DependencyResolver.Unregister();
}

internal static class DependencyResolver
{
    private static readonly string Folder =
        Path.Combine(Path.GetDirectoryName(typeof(DependencyResolver).Assembly.Location)!, "dependencies");

    // AssemblyLoadContext is not in netstandard2.0, so it is reached by reflection; it exists on every PowerShell 7.
    private static readonly Type? LoadContextType =
        Type.GetType("System.Runtime.Loader.AssemblyLoadContext, System.Runtime.Loader", throwOnError: false);

    private static object? _privateContext;
    private static MethodInfo? _loadFromPath;
    private static Delegate? _handler;
    private static bool _registered;

    public static void Register()
    {
        if (_registered)
        {
            return;
        }

        _registered = true;
        if (LoadContextType is null)
        {
            AppDomain.CurrentDomain.AssemblyResolve += ResolveOnFramework;
            return;
        }

        _privateContext ??= Activator.CreateInstance(LoadContextType, "Veo", false);
        _loadFromPath ??= LoadContextType.GetMethod("LoadFromAssemblyPath", new[] { typeof(string) });
        EventInfo resolving = LoadContextType.GetEvent("Resolving")!;
        _handler ??= BuildHandler(resolving.EventHandlerType!);
        resolving.AddEventHandler(DefaultContext(), _handler);
        resolving.AddEventHandler(_privateContext, _handler);
    }

    public static void Unregister()
    {
        if (!_registered)
        {
            return;
        }

        _registered = false;
        if (LoadContextType is null)
        {
            AppDomain.CurrentDomain.AssemblyResolve -= ResolveOnFramework;
            return;
        }

        EventInfo resolving = LoadContextType.GetEvent("Resolving")!;
        resolving.RemoveEventHandler(DefaultContext(), _handler);
        resolving.RemoveEventHandler(_privateContext, _handler);
    }

    /// <summary>Asked only for what the default context could not find: the framework's own copies always win.</summary>
    private static Assembly? ResolveOnCore(AssemblyName name) =>
        PathOf(name) is string path ? (Assembly?)_loadFromPath!.Invoke(_privateContext, new object[] { path }) : null;

    private static Assembly? ResolveOnFramework(object? sender, ResolveEventArgs args) =>
        PathOf(new AssemblyName(args.Name)) is string path ? Assembly.LoadFrom(path) : null;

    private static string? PathOf(AssemblyName name)
    {
        string path = Path.Combine(Folder, name.Name + ".dll");
        return File.Exists(path) ? path : null;
    }

    private static object DefaultContext() => LoadContextType!.GetProperty("Default")!.GetValue(null)!;

    /// <summary>A Func&lt;AssemblyLoadContext, AssemblyName, Assembly&gt; that calls <see cref="ResolveOnCore"/>.</summary>
    private static Delegate BuildHandler(Type handlerType)
    {
        ParameterExpression context = Expression.Parameter(LoadContextType!, "context");
        ParameterExpression name = Expression.Parameter(typeof(AssemblyName), "name");
        MethodInfo resolve = typeof(DependencyResolver).GetMethod(nameof(ResolveOnCore), BindingFlags.NonPublic | BindingFlags.Static)!;
        return Expression.Lambda(handlerType, Expression.Call(resolve, name), context, name).Compile();
    }
}
