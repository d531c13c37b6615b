using Jixiao.Application;
using Jixiao.Domain.Model;
using Jixiao.Formats.Sources;
using Jixiao.Storage.Import;
using Jixiao.Storage.Queries;

namespace Jixiao.Web.Data;

/// <summary>
/// Uploads into the database through <see cref="ImportDocuments"/>: read like the CLI reads files, stored with the
/// rule catalogue's findings. After an import that stored something, <paramref name="cache"/> moves to a new
/// generation, so the dashboard and the other cached reads show it at once; after any import (even an unchanged
/// file adds a line to a form page's 处理记录) <paramref name="pages"/>, the output cache of the public pages, is evicted.
/// </summary>
public sealed class StoreImporter(JixiaoStore store, ReadCache? cache = null, Infrastructure.PublicPages? pages = null) : IImporter
{
    private readonly ImportDocuments _import = new(store.Database, new WebCaches(cache, pages));

    public DisclosureDocument Preview(byte[] content, string fileName)
    {
        var documents = DocumentLoader.LoadBytes(content, fileName);
        return documents.Count == 1 ? documents[0]
            : new DisclosureDocument(fileName, [.. documents.SelectMany(d => d.Forms)], [.. documents.SelectMany(d => d.Diagnostics)]);
    }

    public ImportSummary Import(byte[] content, string fileName, string user)
    {
        var result = _import.Content(content, fileName, user);
        var message = result.Outcome switch
        {
            ImportOutcome.Imported => $"已导入 {result.Forms} 张表、{result.Indicators} 个指标，发现 {result.Findings} 个问题。",
            ImportOutcome.NewVersion => $"已导入新版本（第 {result.Version} 版）：{result.Forms} 张表、{result.Indicators} 个指标。",
            ImportOutcome.Unchanged => "该文件已导入过，内容未变，未新增数据。",
            _ => $"导入失败：{result.Message}",
        };
        return new ImportSummary(ImportDocuments.IsStored(result), result.Outcome == ImportOutcome.Unchanged, result.Forms, result.Indicators, message);
    }

    /// <summary>The web app's caches an import makes stale: the read cache when forms were stored, the public pages always.</summary>
    private sealed class WebCaches(ReadCache? cache, Infrastructure.PublicPages? pages) : IImportCaches
    {
        public void Evict(bool stored)
        {
            if (stored)
            {
                cache?.Invalidate();
            }

            pages?.Evict(); // after the findings are committed too, and even if the import failed
        }
    }
}
