using System.Reflection;
using System.Runtime.CompilerServices;
using Xunit;

namespace Jixiao.Tests.Architecture;

/// <summary>
/// The layering of the solution, read from the compiled assemblies: which Jixiao assembly may reference
/// which, and that no two types in different namespaces share a name (issue 12).
/// </summary>
public sealed class ArchitectureTests
{
    private static readonly Assembly[] Assemblies =
    [
        typeof(Domain.Model.PerformanceForm).Assembly,
        typeof(Formats.Json.DisclosureJson).Assembly,
        typeof(Storage.JixiaoDatabase).Assembly,
        typeof(Application.ImportDocuments).Assembly,
        typeof(Web.JixiaoWebHost).Assembly,
        // The command line builds as jixiao (the tool's name); its assembly is named so.
        Assembly.Load("jixiao"),
    ];

    /// <summary>
    /// The Jixiao assemblies each one may reference (docs/architecture.md): Formats and Storage each stand on the
    /// Domain alone, the Application joins them, Web and Cli may reference all.
    /// </summary>
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["Jixiao.Domain"] = [],
        ["Jixiao.Formats"] = ["Jixiao.Domain"],
        ["Jixiao.Storage"] = ["Jixiao.Domain"],
        ["Jixiao.Application"] = ["Jixiao.Domain", "Jixiao.Formats", "Jixiao.Storage"],
        ["Jixiao.Web"] = ["Jixiao.Application", "Jixiao.Domain", "Jixiao.Formats", "Jixiao.Storage"],
        ["jixiao"] = ["Jixiao.Application", "Jixiao.Domain", "Jixiao.Formats", "Jixiao.Storage", "Jixiao.Web"],
    };

    [Fact]
    public void Every_assembly_is_listed()
    {
        Assert.Equal(Allowed.Keys.Order(), Assemblies.Select(a => a.GetName().Name!).Order());
    }

    [Theory]
    [InlineData("Jixiao.Domain")]
    [InlineData("Jixiao.Formats")]
    [InlineData("Jixiao.Storage")]
    [InlineData("Jixiao.Application")]
    [InlineData("Jixiao.Web")]
    [InlineData("jixiao")]
    public void Assembly_references_only_the_layers_below(string name)
    {
        var assembly = Assemblies.Single(a => a.GetName().Name == name);
        var references = assembly.GetReferencedAssemblies().Select(r => r.Name!).Where(n => n.StartsWith("Jixiao.", StringComparison.Ordinal)).Order().ToList();
        var forbidden = references.Except(Allowed[name]).ToList();
        Assert.True(forbidden.Count == 0, $"{name} references {string.Join(", ", forbidden)}; allowed: {string.Join(", ", Allowed[name])}");
    }

    [Fact]
    public void Domain_references_no_other_jixiao_assembly()
    {
        Assert.Empty(JixiaoReferences("Jixiao.Domain"));
    }

    /// <summary>Storage takes documents already read: reading files is the Application's (issue 12).</summary>
    [Fact]
    public void Storage_does_not_reference_Formats()
    {
        Assert.Equal(["Jixiao.Domain"], JixiaoReferences("Jixiao.Storage"));
    }

    /// <summary>The adapters reach the use cases: the web app and the command line both import through the Application.</summary>
    [Theory]
    [InlineData("Jixiao.Web")]
    [InlineData("jixiao")]
    public void Adapters_reference_the_Application(string name)
    {
        Assert.Contains("Jixiao.Application", JixiaoReferences(name));
    }

    /// <summary>No lower layer reaches up to the Application or the adapters.</summary>
    [Theory]
    [InlineData("Jixiao.Domain")]
    [InlineData("Jixiao.Formats")]
    [InlineData("Jixiao.Storage")]
    public void Lower_layers_reference_neither_Application_nor_adapters(string name)
    {
        Assert.DoesNotContain(JixiaoReferences(name), r => r is "Jixiao.Application" or "Jixiao.Web" or "jixiao");
    }

    private static List<string> JixiaoReferences(string name) =>
        [.. Assemblies.Single(a => a.GetName().Name == name).GetReferencedAssemblies().Select(r => r.Name!)
            .Where(n => n.StartsWith("Jixiao.", StringComparison.Ordinal) || n == "jixiao").Order(StringComparer.Ordinal)];

    /// <summary>
    /// A name names one type: two public or internal types in different namespaces may not share one
    /// (StoredForm, ImportOutcome, ProjectHistory and Finding each once named two or three). Razor page models
    /// (<c>IndexModel</c> of every folder) follow the framework's convention and are left out.
    /// </summary>
    [Fact]
    public void No_two_types_share_a_name()
    {
        var types = Assemblies.SelectMany(a => a.GetTypes())
            .Where(t => !t.IsNested && t.Namespace?.StartsWith("Jixiao.", StringComparison.Ordinal) == true)
            .Where(t => !t.IsDefined(typeof(CompilerGeneratedAttribute), false) && !t.Name.StartsWith('<'))
            .Where(t => !IsPageModel(t))
            .ToList();
        var clashes = types.GroupBy(t => t.Name)
            .Where(g => g.Select(t => t.Namespace).Distinct().Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(t => $"{t.Assembly.GetName().Name}/{t.Namespace}"))}")
            .Order()
            .ToList();
        Assert.True(clashes.Count == 0, "Types sharing a name:\n" + string.Join("\n", clashes));
    }

    private static bool IsPageModel(Type t)
    {
        for (var b = t.BaseType; b is not null; b = b.BaseType)
        {
            if (b.FullName == "Microsoft.AspNetCore.Mvc.RazorPages.PageModel")
            {
                return true;
            }
        }

        return false;
    }
}
