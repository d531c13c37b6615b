using Jixiao.Domain.Model;
using Jixiao.Formats.Disclosure;

namespace Jixiao.Tests.Support;

/// <summary>The published forms in ../shared/seeds, read once per test run.</summary>
public static class Seeds
{
    public const string File000 = "000_0566b1444b6cfa51.txt";
    public const string File001 = "001_cd18a4592b4a1564.txt";
    public const string File002 = "002_82a1708c82188c30.txt";
    public const string File003 = "003_a4356b7dd69fd992.txt";
    public const string File004 = "004_d73c41b42aa5f1cf.txt";

    public static readonly string[] All = [File000, File001, File002, File003, File004];

    private static readonly Dictionary<string, DisclosureDocument> Cache = [];
    private static readonly Lock Gate = new();

    /// <summary>The folder holding the seed files: $JIXIAO_SEEDS, or shared/seeds beside the repository.</summary>
    public static string Directory
    {
        get
        {
            var fromEnv = Environment.GetEnvironmentVariable("JIXIAO_SEEDS");
            if (!string.IsNullOrEmpty(fromEnv))
            {
                return fromEnv;
            }

            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                var candidate = System.IO.Path.Combine(dir.FullName, "shared", "seeds");
                if (System.IO.Directory.Exists(candidate))
                {
                    return candidate;
                }

                var sibling = System.IO.Path.Combine(dir.FullName, "..", "shared", "seeds");
                if (System.IO.Directory.Exists(sibling) && File.Exists(System.IO.Path.Combine(dir.FullName, "Jixiao.slnx")))
                {
                    return System.IO.Path.GetFullPath(sibling);
                }
            }

            throw new DirectoryNotFoundException("shared/seeds not found; set JIXIAO_SEEDS");
        }
    }

    public static string PathOf(string file) => System.IO.Path.Combine(Directory, file);

    public static string Text(string file) => File.ReadAllText(PathOf(file));

    public static DisclosureDocument Read(string file)
    {
        lock (Gate)
        {
            if (!Cache.TryGetValue(file, out var doc))
            {
                doc = DisclosureReader.Read(Text(file), file);
                Cache[file] = doc;
            }

            return doc;
        }
    }

    public static PerformanceForm Form(string file, string name, int occurrence = 0) =>
        Read(file).Forms.Where(f => f.Name == name).ElementAt(occurrence);
}
