using Jixiao.Domain.Model;
using Jixiao.Formats.Sources;
using Jixiao.Storage.Import;
using Jixiao.Storage.Queries;

namespace Jixiao.Web.Data;

/// <summary>
/// Uploads into the database: read like the CLI reads files, stored with the rule catalogue's findings. After
/// an import that stored something, <paramref name="cache"/> moves to a new generation, so the dashboard and
/// the other cached reads show it at once; after any import (even an unchanged file adds a line to a form page's
/// 处理记录) <paramref name="pages"/>, the output cache of the public pages, is evicted.
/// </summary>
public sealed class StoreImporter(JixiaoStore store, ReadCache? cache = null, Infrastructure.PublicPages? pages = null) : IImporter
{
    public DisclosureDocument Preview(byte[] content, string fileName)
    {
        var documents = DocumentLoader.LoadBytes(content, fileName);
        return documents.Count == 1 ? documents[0]
            : new DisclosureDocument(fileName, [.. documents.SelectMany(d => d.Forms)], [.. documents.SelectMany(d => d.Diagnostics)]);
    }

    public ImportSummary Import(byte[] content, string fileName, string user)
    {
        var source = ImportSource.FromContent(fileName, content);
        Storage.Import.ImportResult result;
        try
        {
            result = store.Importer(RuleFindings.Provider(), user).Import(source);
            if (result.Outcome is Storage.Import.ImportOutcome.Imported or Storage.Import.ImportOutcome.NewVersion)
            {
                // Duplicates, parents and children, year over year: the units this file touched are checked again.
                SetFindings.Refresh(store.Database, source.Documents.SelectMany(d => d.Forms).Select(f => f.Unit));
                cache?.Invalidate();
            }
        }
        finally
        {
            pages?.Evict(); // after the findings are committed too, and even if they failed
        }

        var message = result.Outcome switch
        {
            Storage.Import.ImportOutcome.Imported => $"已导入 {result.Forms} 张表、{result.Indicators} 个指标，发现 {result.Findings} 个问题。",
            Storage.Import.ImportOutcome.NewVersion => $"已导入新版本（第 {result.Version} 版）：{result.Forms} 张表、{result.Indicators} 个指标。",
            Storage.Import.ImportOutcome.Unchanged => "该文件已导入过，内容未变，未新增数据。",
            _ => $"导入失败：{result.Message}",
        };
        return new ImportSummary(result.Outcome is Storage.Import.ImportOutcome.Imported or Storage.Import.ImportOutcome.NewVersion,
            result.Outcome == Storage.Import.ImportOutcome.Unchanged, result.Forms, result.Indicators, message);
    }
}
