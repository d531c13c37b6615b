using Jixiao.Web.Accounts;
using Jixiao.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Jixiao.Storage.Import;

namespace Jixiao.Web.Data;

/// <summary>One line of the administrators' audit timeline: a draft's or a monitoring form's change, an account's change or an import.</summary>
/// <param name="Kind"><see cref="AuditTimeline.Draft"/>, <see cref="AuditTimeline.Monitoring"/>, <see cref="AuditTimeline.Account"/> or <see cref="AuditTimeline.Import"/>.</param>
/// <param name="Action">The stored word: a draft's create, update, submit… or an import's imported, newVersion, unchanged, failed.</param>
/// <param name="Subject">The draft or monitoring form (#id), or the source and version imported.</param>
/// <param name="Link">Where the subject is shown, when it has a page.</param>
public sealed record AuditEntry(
    DateTimeOffset At, string Kind, string Action, string ActionName, string UserName, string Subject, string? Link, string? Comment, string? BeforeJson, string? AfterJson);

/// <summary>A page of the timeline, newest first.</summary>
public sealed record AuditPage(IReadOnlyList<AuditEntry> Entries, int Page, bool HasNext);

/// <summary>
/// The audit log for administrators: draft changes (<c>draft_audit</c>), monitoring forms' changes
/// (<c>monitoring_audit</c>), accounts' changes and imports (<c>import_audit</c>) in one timeline, newest first,
/// filtered by user and by action (<c>draft:update</c>, <c>monitoring:submit</c>, <c>import:failed</c>…).
/// </summary>
public sealed class AuditTimeline(AuthoringDbContext db, IImportLog imports, Language language)
{
    public const string Draft = "draft";
    public const string Import = "import";
    public const string Account = "account";
    public const string Monitoring = "monitoring";
    public const int PageSize = 50;

    /// <summary>Pages beyond this are not shown: each page reads every line before it from both logs.</summary>
    public const int MaxPage = 200;

    /// <summary>The actions to filter by, as <c>kind:action</c> with a label.</summary>
    public async Task<IReadOnlyList<(string Value, string Label)>> ActionsAsync()
    {
        var drafts = await db.Audit.Select(a => a.Action).Distinct().ToListAsync();
        return
        [
            .. ImportOutcomeWords.All.Select(o => ($"{Import}:{ImportOutcomeWords.Of(o)}", $"{language.T("导入", "import")}：{AuditNames.Outcome(o, language)}")),
            .. drafts.Order(StringComparer.Ordinal).Select(a => ($"{Draft}:{a}", $"{language.T("草稿", "draft")}：{a}")),
            .. (await db.MonitoringAudit.Select(a => a.Action).Distinct().ToListAsync()).Order(StringComparer.Ordinal)
                .Select(a => ($"{Monitoring}:{a}", $"{language.T("运行监控", "monitoring")}：{Web.Monitoring.MonitoringWorkflow.ActionName(a, language)}")),
            .. new[] { AccountAdmin.Created, AccountAdmin.RoleSet, AccountAdmin.Locked }.Select(a => ($"{Account}:{a}", $"{language.T("账户", "account")}：{a}")),
        ];
    }

    /// <summary>Everyone found in either log.</summary>
    public async Task<IReadOnlyList<string>> UsersAsync()
    {
        var drafts = await db.Audit.Select(a => a.UserName).Distinct().ToListAsync();
        var accounts = await db.AccountAudit.Select(a => a.UserName).Distinct().ToListAsync();
        var monitoring = await db.MonitoringAudit.Select(a => a.UserName).Distinct().ToListAsync();
        return [.. drafts.Union(accounts).Union(monitoring).Union(await imports.UsersAsync()).Order(StringComparer.Ordinal)];
    }

    public async Task<AuditPage> PageAsync(string? user, string? action, int page)
    {
        page = Math.Clamp(page, 1, MaxPage);
        var wanted = page * PageSize + 1; // one more than needed tells whether there is a next page
        var (kind, word) = action?.Split(':', 2) is [var k, var w] ? (k, w) : (null, null);
        var entries = new List<AuditEntry>();
        if (kind is null or Draft)
        {
            var q = db.Audit.AsNoTracking();
            q = string.IsNullOrEmpty(user) ? q : q.Where(a => a.UserName == user);
            q = word is null ? q : q.Where(a => a.Action == word);
            entries.AddRange((await q.OrderByDescending(a => a.Id).Take(wanted).ToListAsync()).Select(a => new AuditEntry(
                a.At, Draft, a.Action, a.Action, a.UserName, $"#{a.DraftId}", $"/drafts/{a.DraftId}", a.Comment, a.BeforeJson, a.AfterJson)));
        }

        if (kind is null or Monitoring)
        {
            var q = db.MonitoringAudit.AsNoTracking();
            q = string.IsNullOrEmpty(user) ? q : q.Where(a => a.UserName == user);
            q = word is null ? q : q.Where(a => a.Action == word);
            entries.AddRange((await q.OrderByDescending(a => a.Id).Take(wanted).ToListAsync()).Select(a => new AuditEntry(
                a.At, Monitoring, a.Action, Web.Monitoring.MonitoringWorkflow.ActionName(a.Action, language), a.UserName,
                $"#{a.MonitoringId}", $"/monitoring/{a.MonitoringId}", a.Comment, a.BeforeJson, a.AfterJson)));
        }

        if (kind is null or Account)
        {
            var q = db.AccountAudit.AsNoTracking();
            q = string.IsNullOrEmpty(user) ? q : q.Where(a => a.UserName == user);
            q = word is null ? q : q.Where(a => a.Action == word);
            entries.AddRange((await q.OrderByDescending(a => a.Id).Take(wanted).ToListAsync()).Select(a => new AuditEntry(
                a.At, Account, a.Action, $"{language.T("账户", "account")}：{a.Action}", a.UserName, a.Account, null, null, a.BeforeJson, a.AfterJson)));
        }

        if (kind is null or Import)
        {
            var outcome = ImportOutcomeWords.Parse(word);
            if (word is null || outcome is not null)
            {
                entries.AddRange((await imports.LinesAsync(user, outcome, 0, wanted)).Select(a => new AuditEntry(
                    new DateTimeOffset(a.At, TimeSpan.Zero), Import, a.Action, AuditNames.Outcome(a.Outcome, language), a.UserName,
                    a.Version is { } v ? $"{a.Source} v{v}" : a.Source, null, a.Message, a.BeforeJson, a.AfterJson)));
            }
        }

        var ordered = entries.OrderByDescending(e => e.At).ToList();
        return new AuditPage([.. ordered.Skip((page - 1) * PageSize).Take(PageSize)], page, ordered.Count > page * PageSize && page < MaxPage);
    }
}
