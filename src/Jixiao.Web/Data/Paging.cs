using System.Text.Json.Serialization;

namespace Jixiao.Web.Data;

/// <summary>
/// Which page of a list to read: <see cref="Page"/> counts from 1, <see cref="PageSize"/> is at most
/// <see cref="MaxSize"/>. Every list of the API and of the pages is read a page at a time, with its total, so
/// nothing is cut off unsaid.
/// </summary>
public sealed record Paging(int Page = 1, int PageSize = Paging.DefaultSize)
{
    public const int DefaultSize = 50;
    public const int MaxSize = 500;

    /// <summary>How many items come before this page.</summary>
    public int Skip => (int)Math.Min(int.MaxValue, ((long)Page - 1) * PageSize);

    /// <summary>The page asked for, or why it cannot be read (in Chinese): a page below 1, a size outside 1…<see cref="MaxSize"/>.</summary>
    public static Paging? TryCreate(int? page, int? pageSize, out string? error)
    {
        error = (page, pageSize) switch
        {
            ( < 1, _) => $"page 从 1 开始（收到 {page}）",
            (_, < 1 or > MaxSize) => $"pageSize 应在 1 到 {MaxSize} 之间（收到 {pageSize}）",
            _ => null,
        };
        return error is null ? new Paging(page ?? 1, pageSize ?? DefaultSize) : null;
    }

    /// <summary>A page the HTML lists show: a page below 1 is the first.</summary>
    public static Paging ForPage(int? page, int pageSize) => new(Math.Max(1, page ?? 1), pageSize);

    /// <summary>This page of a list held whole.</summary>
    public Paged<T> Of<T>(IReadOnlyCollection<T> all) => new([.. all.Skip(Skip).Take(PageSize)], Page, PageSize, all.Count);
}

/// <summary>One page of a list: its items, which page, how large pages are, and how many items the whole list has.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total)
{
    /// <summary>How many pages the list has (at least one, empty as it may be).</summary>
    [JsonIgnore]
    public int Pages => Math.Max(1, (int)((Total + (long)PageSize - 1) / PageSize));

    public Paged<TOut> Select<TOut>(Func<T, TOut> map) => new([.. Items.Select(map)], Page, PageSize, Total);
}

/// <summary>What the HTML pager of a list shows (<c>Pages/Shared/_Pager.cshtml</c>): this page, how many pages, how many items; <paramref name="Id"/> names the pager.</summary>
public sealed record PagerView(int Page, int Pages, int Total, string Id)
{
    /// <summary>The query key of the page number: Razor Pages keep <c>page</c> for the page's route.</summary>
    public const string Query = "p";

    public static PagerView Of<T>(Paged<T> list, string id) => new(list.Page, list.Pages, list.Total, id);
}
