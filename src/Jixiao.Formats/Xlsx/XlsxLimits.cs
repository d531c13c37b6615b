using System.IO.Compression;

namespace Jixiao.Formats.Xlsx;

/// <summary>
/// What the XLSX reader reads at most, so a small hostile file (a merged range over the whole sheet, a part
/// that unzips to gigabytes, millions of cells) ends in a diagnostic, never in running out of memory or time:
/// each part of the package unzipped (checked on the zip entry's length before anything is read; .NET refuses
/// an entry that inflates beyond it), and the cells of a sheet, merged cells counted one by one.
/// </summary>
public sealed record XlsxLimits(long MaxPartBytes = 100L * 1024 * 1024, long MaxCells = 2_000_000)
{
    public static readonly XlsxLimits Default = new();

    /// <summary>Throws <see cref="XlsxLimitException"/> when an entry of the package would unzip beyond <see cref="MaxPartBytes"/>.</summary>
    internal void CheckParts(Stream package)
    {
        var start = package.Position;
        try
        {
            using var zip = new ZipArchive(package, ZipArchiveMode.Read, leaveOpen: true);
            foreach (var entry in zip.Entries)
            {
                if (entry.Length > MaxPartBytes)
                {
                    throw new XlsxLimitException(XlsxMessages.PartTooLarge(entry.FullName, entry.Length, MaxPartBytes));
                }
            }
        }
        catch (InvalidDataException)
        {
            // Not a zip: the OpenXML SDK says so in its own words.
        }
        finally
        {
            package.Position = start;
        }
    }
}

/// <summary>A limit of <see cref="XlsxLimits"/> was reached: the reader stops with this diagnostic.</summary>
internal sealed class XlsxLimitException((string Code, string Text) message) : Exception(message.Text)
{
    public string Code { get; } = message.Code;
}
