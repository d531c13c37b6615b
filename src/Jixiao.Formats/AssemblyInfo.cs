using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("Jixiao.Tests")]
[assembly: InternalsVisibleTo("Jixiao.Bench")]
