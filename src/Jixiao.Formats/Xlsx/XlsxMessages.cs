namespace Jixiao.Formats.Xlsx;

/// <summary>Every diagnostic the XLSX reader gives, Chinese first, as (code, text). The reader prefixes the cell, e.g. <c>Sheet1!D14: </c>.</summary>
internal static class XlsxMessages
{
    public static (string Code, string Text) InvalidValue(string field, string text) => ("xlsx-invalid-value", $"{field} \"{text}\" 不是有效的值");

    public static (string Code, string Text) InvalidNumber(string field, string text) => ("xlsx-invalid-number", $"{field} \"{text}\" 不是有效的数字");

    public static (string Code, string Text) InvalidDate(string field, string text) => ("xlsx-invalid-date", $"{field} \"{text}\" 不是有效的日期（应为 2024-01-01）");

    public static (string Code, string Text) InvalidYear(string text) => ("xlsx-invalid-year", $"年度 \"{text}\" 不是有效的年份");

    public static (string Code, string Text) UnknownLevel(string field, string text) =>
        ("xlsx-unknown-level", text.Length == 0 ? $"{field}为空" : $"{field} \"{text}\" 不是已知的指标类别");

    public static (string Code, string Text) InvalidGrade(string text) => ("xlsx-invalid-grade", $"评分等级 \"{text}\" 不是 优、良、中、差 之一");

    public static (string Code, string Text) IndicatorWithoutName() => ("xlsx-indicator-without-name", "该行有指标值但缺少三级指标，已跳过");

    public static (string Code, string Text) UnknownFormType(string text) =>
        ("xlsx-unknown-form-type", $"表类型 \"{text}\" 不是已知的表类型（应为 目标申报表 或 自评表），该工作表未读取");

    public static (string Code, string Text) NoProjectName() => ("xlsx-no-project-name", "缺少项目名称，该工作表未读取");

    public static (string Code, string Text) NotAForm() => ("xlsx-not-a-form", "工作表没有指标表（一级指标、三级指标），不是绩效表，已跳过");

    public static (string Code, string Text) MonitoringSheet(string sheet) =>
        ("monitoring-forms", $"{sheet}: 执行监控表由 jixiao monitor 读取，此处不作申报表或自评表");

    public static (string Code, string Text) NotMonitoring(string sheet) => ("xlsx-not-monitoring", $"{sheet}: 不是执行监控表，已跳过");

    public static (string Code, string Text) NoMonitoringForms() => ("xlsx-no-monitoring-forms", "工作簿中没有执行监控表");

    public static (string Code, string Text) NoForms() => ("xlsx-no-forms", "工作簿中没有可读取的绩效表");

    public static (string Code, string Text) MergeClipped(string sheet, string merge, string clipped) =>
        ("xlsx-merge-clipped", $"{sheet}: 合并区域 {merge} 超出工作表已用范围，按 {clipped} 读取");

    public static (string Code, string Text) TooManyCells(string sheet, long max) =>
        ("xlsx-too-many-cells", $"{sheet}: 单元格（含合并区域覆盖的单元格）超过 {max:N0} 个，已停止读取");

    public static (string Code, string Text) PartTooLarge(string part, long length, long max) =>
        ("xlsx-part-too-large", $"{part} 解压后 {length / 1024 / 1024:N0} MB，超过上限 {max / 1024 / 1024:N0} MB，已停止读取");

    public static string Unreadable(string source, string reason) => $"{source} 不是有效的 XLSX 文件：{reason}";
}
