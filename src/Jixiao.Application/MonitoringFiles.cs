using System.Text.Json;
using Jixiao.Domain.Monitoring;
using Jixiao.Formats.Json;
using Jixiao.Formats.Sources;
using Jixiao.Formats.Xlsx;
using Jixiao.Storage;
using Jixiao.Storage.Import;

namespace Jixiao.Application;

/// <summary>
/// Files of monitoring forms (项目支出绩效目标执行监控表): an interchange JSON with forms of <c>kind: "monitoring"</c>,
/// or a workbook with a 执行监控表 sheet (the official layout or the one-row-per-indicator template). Told apart
/// from the other files here, read strictly (Formats), and stored (<see cref="MonitoringImporter"/>); what
/// <c>jixiao monitor</c> and <c>jixiao import</c> share.
/// </summary>
public static class MonitoringFiles
{
    /// <summary>Bytes enough to tell a workbook (a ZIP package) or a JSON text (its first character) from the rest.</summary>
    public const int HeadLength = 64;

    /// <summary>An XLSX file by its name or its first bytes (a ZIP package).</summary>
    public static bool IsWorkbook(string fileName, ReadOnlySpan<byte> head) =>
        fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) || head.StartsWith("PK\u0003\u0004"u8);

    /// <summary>A JSON file by its name or its first character (a large text or PDF is not read twice).</summary>
    public static bool LooksLikeJson(string fileName, ReadOnlySpan<byte> head)
    {
        if (fileName.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var text = head.TrimStart("\uFEFF"u8).TrimStart(" \t\r\n"u8);
        return text.Length > 0 && text[0] is (byte)'{' or (byte)'[';
    }

    /// <summary>Whether content holds monitoring forms; other files (text, PDF, other forms) are left to the other readers.</summary>
    public static bool Holds(string fileName, byte[] content)
    {
        var head = content.AsSpan(0, Math.Min(content.Length, HeadLength));
        return IsWorkbook(fileName, head) ? MonitoringXlsx.HasMonitoringSheets(content)
            : LooksLikeJson(fileName, head) && MonitoringJson.HasMonitoringForms(DocumentLoader.Decode(content).TrimStart());
    }

    /// <summary>Whether the file holds monitoring forms, told by its first bytes before it is read whole; false when it cannot be read.</summary>
    public static bool HoldsFile(string path)
    {
        try
        {
            var head = new byte[HeadLength];
            int n;
            using (var stream = File.OpenRead(path))
            {
                n = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
            }

            var name = Path.GetFileName(path);
            return (IsWorkbook(name, head.AsSpan(0, n)) || LooksLikeJson(name, head.AsSpan(0, n))) && Holds(name, File.ReadAllBytes(path));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false; // whoever reads it next reports the file it cannot read
        }
    }

    /// <summary>
    /// The monitoring documents of a JSON or XLSX file. Throws <see cref="MonitoringInputException"/> (every problem by
    /// field), <see cref="JsonException"/> or <see cref="UnreadableSourceException"/> when it cannot be used.
    /// </summary>
    public static IReadOnlyList<MonitoringDocument> Read(string fileName, byte[] content, MonitoringPolicy? policy = null) =>
        IsWorkbook(fileName, content.AsSpan(0, Math.Min(content.Length, HeadLength)))
            ? [MonitoringXlsx.Read(content, fileName, policy)]
            : MonitoringJson.Read(DocumentLoader.Decode(content).TrimStart(), fileName, policy);

    /// <summary>Stores the monitoring forms of one file in one transaction; a file that cannot be used stores nothing and says why.</summary>
    public static ImportResult Import(JixiaoDatabase database, string user, string fileName, byte[] content)
    {
        var importer = new MonitoringImporter(database, user);
        var hash = ImportSource.Hash(content);
        IReadOnlyList<MonitoringDocument> documents;
        try
        {
            documents = Read(fileName, content);
        }
        catch (MonitoringInputException ex)
        {
            return importer.Fail(fileName, hash, string.Join("；", ex.Problems.Select(p => p.Field.Length == 0 ? p.Message : $"{p.Field}: {p.Message}")));
        }
        catch (Exception ex) when (ex is JsonException or UnreadableSourceException)
        {
            return importer.Fail(fileName, hash, ex.Message);
        }

        if (documents.Sum(d => d.Others?.Count ?? 0) is > 0 and var others)
        {
            return importer.Fail(fileName, hash, $"文件中除运行监控表外还有 {others} 张其他绩效表：请分开导入");
        }

        return importer.Import(fileName, hash, [.. documents.SelectMany(d => d.Forms).Select(f =>
            new MonitoringImportForm(f.Name, f.Year, f.Unit, f.Indicators.Count, MonitoringJson.FormJson(f with { Line = 0 })))]);
    }
}
