using Jixiao.Domain.Model;
using Jixiao.Formats.Sources;

namespace Jixiao.Cli;

/// <summary>Reads the FILE arguments of a command; a file that cannot be read is reported on stderr and makes the exit code 2.</summary>
internal static class InputFiles
{
    public static (List<DisclosureDocument> Documents, int Exit) Load(IEnumerable<string> paths)
    {
        var documents = new List<DisclosureDocument>();
        var exit = 0;
        foreach (var path in paths)
        {
            try
            {
                documents.AddRange(DocumentLoader.Load(path));
            }
            catch (UnreadableSourceException ex)
            {
                Console.Error.WriteLine($"jixiao: {ex.Message}");
                exit = 2;
            }
        }

        return (documents, exit);
    }
}
