using Jixiao.Web.Infrastructure;

namespace Jixiao.Web.Data;

/// <summary>How the audit pages name what happened.</summary>
public static class AuditNames
{
    public static string Outcome(Storage.Import.ImportOutcome outcome, Language l) => outcome switch
    {
        Storage.Import.ImportOutcome.Imported => l.T("已导入", "imported"),
        Storage.Import.ImportOutcome.NewVersion => l.T("新版本", "new version"),
        Storage.Import.ImportOutcome.Unchanged => l.T("未变化", "unchanged"),
        _ => l.T("失败", "failed"),
    };
}
