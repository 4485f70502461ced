package dev.acr.context;

import static dev.acr.context.Dimension.ALGORITHM;
import static dev.acr.context.Dimension.CODE_GENERATION;
import static dev.acr.context.Dimension.DATA_SCIENCE;
import static dev.acr.context.Dimension.MULTI_LANGUAGE;
import static dev.acr.context.Rule.regex;
import static dev.acr.context.Rule.terms;

import java.util.List;

/**
 * Features for the "what kind of code" dimensions: algorithms, data science, moving code between
 * languages, and plain generation (the catch-all, so generic verbs weigh little and only concrete
 * artefacts such as endpoints or Dockerfiles weigh more). Same weight scale as
 * {@link ClassifierRules}.
 */
final class DomainRules {

  private DomainRules() {}

  static final List<Rule> ALGORITHMS =
      List.of(
          regex(ALGORITHM, 4, "\\bo\\([^)]{1,20}\\)", "complexity '%s'").when("o("),
          terms(ALGORITHM, 3, "'%s'", "time complexity", "space complexity", "complexity",
              "big-o", "big o", "asymptotic*", "amortized", "leetcode", "codeforces", "hackerrank",
              "competitive programming", "interview question", "interview problem"),
          // Textbook problems known by name, like the techniques above.
          terms(ALGORITHM, 3, "classic problem '%s'", "two sum", "3sum", "three sum", "valid parentheses",
              "balanced parentheses", "balanced brackets", "word ladder", "first missing positive",
              "trapping rain water", "coin change", "climbing stairs", "house robber", "fizzbuzz", "fibonacci",
              "n queens", "sudoku", "tower of hanoi", "towers of hanoi", "flood fill", "majority element",
              "kadane", "spiral matrix", "game of life", "josephus", "knight's tour", "traveling salesman",
              "travelling salesman", "longest consecutive", "egg drop", "rod cutting", "subset sum",
              "merge overlapping", "matching brackets", "matching parentheses", "partition problem"),
          regex(ALGORITHM, 2, "\\b(?:check|determine|decide|test|find out) (?:if|whether) (?:a|an|the given|two|some)"
              + " (?:\\w+ )?(?:string|strings|number|integer|array|list|tree|graph|linked list|matrix|word|words"
              + "|sentence|sequence)\\b", "problem shape '%s'").when("if", "whether"),
          // A measure of how code reads, not of how it scales.
          terms(ALGORITHM, -3, "'%s'", "cyclomatic complexity", "cognitive complexity"),
          terms(ALGORITHM, 2.5, "complexity '%s'", "quadratic", "cubic", "exponential time",
              "linear time", "logarithmic time", "log time", "subquadratic", "sub-quadratic", "n^2",
              "n²", "algorithm*", "algo"),
          terms(ALGORITHM, 3, "technique '%s'", "dijkstra", "bellman-ford", "floyd", "a-star", "bfs",
              "dfs", "breadth-first", "depth-first", "topological", "topo sort", "toposort",
              "kahn", "tarjan", "kosaraju", "union-find", "union find", "union by rank",
              "disjoint set", "disjoint-set", "dsu", "path compression", "segment tree", "fenwick",
              "binary indexed tree", "trie", "suffix array", "suffix tree", "suffix automaton",
              "kmp", "rabin-karp", "manacher", "priority queue", "min-heap", "max-heap", "min heap",
              "max heap", "binary search", "bisect", "two pointers", "two-pointer", "sliding window",
              "monotonic stack", "monotonic queue", "monotonic deque", "knapsack",
              "dynamic programming", "dp", "memoiz*", "memois*", "backtrack*", "greedy",
              "greedily", "divide and conquer", "lis", "lcs", "longest increasing",
              "longest common", "longest palindromic", "edit distance", "levenshtein",
              "spanning tree", "mst", "kruskal", "prim's", "max flow", "maximum flow", "min cut",
              "bipartite", "hungarian", "convex hull", "sweep line", "interval tree", "skip list",
              "bloom filter", "ring buffer", "circular buffer", "doubly linked", "linked list", "binary tree",
              "avl tree", "red-black tree", "b-tree", "hash table", "lru cache", "hyperloglog", "count-min",
              "consistent hashing", "hash ring", "minhash", "locality-sensitive", "lsh", "fisher-yates", "knuth shuffle",
              "2-opt", "simulated annealing", "critical path", "alias method", "shunting-yard", "shunting yard",
              "operator precedence", "rolling hash", "rabin fingerprint*", "meet in the middle", "bitmask", "bitset",
              "k-d tree", "kd-tree", "kd tree", "quadtree", "r-tree", "huffman", "reverse polish", "postfix notation",
              "infix", "explicit stack", "word chain", "spiral traversal", "level order", "in-order traversal",
              "reservoir sampling", "quickselect", "kth smallest", "kth largest", "k-th", "top-k",
              "top k", "k closest", "k nearest", "k largest", "k smallest", "merge sort",
              "quicksort", "radix sort", "counting sort", "heapsort", "heap sort", "permutations",
              "n-queens", "shortest path", "strongly connected", "articulation point*",
              "lowest common ancestor", "lca", "prefix sum", "prefix sums", "difference array",
              "range sum", "range min", "range max", "range add", "range update*", "range quer*",
              "point update*", "matrix exponentiation", "sieve", "gcd", "lazy propagation",
              "palindrom*", "anagram*", "subarray*", "subsequence*", "substring*", "inversion",
              "inversions"),
          // Not a heap profile or heap dump: those are memory, not the data structure.
          regex(ALGORITHM, 2.5, "\\bheap\\b(?! (?:profile|dump|usage|size|memory|space|snapshot|allocation|overflow"
              + "|corruption))", "structure 'heap'").when("heap"),
          regex(ALGORITHM, 2.5, "(?<!confidence |prediction |credible )\\bintervals?\\b", "structure '%s'").when("interval"),
          terms(ALGORITHM, 2.5, "structure '%s'", "graph", "cycle", "cycles", "island", "islands", "grid", "maze", "edges", "vertices", "k sorted",
              "nested loop", "nested loops", "every pair", "compares every", "rescan*"),
          regex(ALGORITHM, 2.5, "\\b(?:n|k|m|v|e|capacity|length|size|input)\\s*(?:is |are |<=?|≤"
              + "|up to|can be|gets to|goes up to)\\s*(?:up to |around |about )?~?\\d[\\d,._]*"
              + "(?:e\\d+|\\^\\d+|k|m)?\\b|\\b10\\^\\d+|\\b1e\\d+\\b|~?\\b\\d+(?:\\.\\d+)?\\s*(?:k|m|million"
              + "|billion) [a-z]+s\\b"
              + "|\\b\\d{3,}x\\d{3,}\\b", "input-size constraint '%s'"),
          regex(ALGORITHM, 2, "\\b(?:in|of|an) (?:an? )?(?:unsorted |sorted )?array\\b|\\b(?:un)?sorted (?:arrays?|lists?)\\b"
              + "|\\b(?:array|list) of (?:ints|integers|numbers)\\b", "problem input '%s'").when("array", "list"),
          terms(ALGORITHM, 1, "performance '%s'", "efficient*", "faster", "fast enough",
              "optimal*", "optimiz*", "optimis*", "speed up", "smarter", "too slow", "slow", "scales", "times out",
              "time out", "tle", "time limit", "sorted", "queries", "lookups", "lookup",
              "hash function", "hash functions", "limited memory", "bounded memory", "fixed memory", "constant memory", "constant space",
              "count distinct", "distinct elements", "sublinear"),
          terms(ALGORITHM, 2.5, "problem statement '%s'", "given an", "given a", "given the",
              "given two", "given n", "given k", "count the number of", "number of ways", "how many ways", "fewest",
              "max profit", "max sum", "min cost", "minimum cost", "in place", "in-place", "balanced",
              "least number",
              "number of paths", "count paths", "count islands", "count pairs", "minimum number",
              "maximum number", "maximum sum", "maximum profit", "minimiz*", "minimis*",
              "maximiz*", "maximis*", "mod 1e9", "modulo 1e9", "1e9+7", "10^9+7"),
          regex(ALGORITHM, 2.5, "\\b(?:cheapest|shortest|fastest|longest|minimum[- ]cost) (?:path|route"
              + "|way|sequence|chain)\\b|\\bat (?:most|least) [knm]\\b|\\bn (?:pairs|items|elements"
              + "|numbers|nodes|queens|points|integers|strings|people|tasks|jobs)\\b|\\bof (?:size|length) n"
              + "\\b|\\b(?:all|every) (?:valid |possible |distinct |unique )?(?:combinations|permutations"
              + "|subsets|partitions|orderings|arrangements)\\b|\\b(?:top|best|first) \\d+\\b",
              "problem shape '%s'"),
          // Not a circle's diameter: a tree's or a graph's.
          regex(ALGORITHM, 3, "\\bdiameter of (?:the |a |an )?(?:[\\w-]+ ){0,2}?(?:tree|graph|network)\\b", "problem '%s'").when("diameter"),
          // "halves as equal as possible", "the 3 most frequent words … with 2GB of RAM", "without loading it
          // all": an optimum or a resource bound stated, the shape of an algorithmic problem. Not "a minimal set of
          // permissions" nor "lint and format the code in one pass" (review19): a configuration, a tool run.
          regex(ALGORITHM, 2.5, "\\bas (?:equal|even|evenly|balanced) as possible\\b"
              + "|\\bminimal (?:set|number|total|cost|sum|count)\\b(?! of (?:permissions?|privileges|rights|scopes|roles|dependencies|deps|packages|changes|files|settings|features)\\b)|\\bwith (?:only )?~?\\d+ ?[kmgt]i?b of (?:ram|memory)\\b"
              + "|\\bwithout (?:loading|reading|holding|keeping) (?:it all|everything|all of it|the (?:whole|entire) \\w+)"
              + "|(?<!\\b(?:lint|format|prettier|eslint|rubocop|gofmt|migrate|rename|codemod)\\w{0,3}\\b[^.?!\\n]{0,50})\\bin (?:a single|one) (?:pass|scan)\\b|\\bwithout running out of memory\\b|\\bof unknown (?:size|length)\\b",
              "a bound on the answer or the resources '%s'")
              .when("possible", "minimal", "ram", "memory", "without", "pass", "scan", "unknown"),
          regex(ALGORITHM, 2, "\\breturn (?:the )?(?:minimum|maximum|min|max|number|count|length"
              + "|shortest|longest|smallest|largest|k|indices|index|whether|one of)\\b",
              "optimisation goal '%s'").when("return"));

  static final List<Rule> DATA =
      List.of(
          terms(DATA_SCIENCE, 3, "mentions %s", "pandas", "numpy", "polars", "scipy", "sklearn",
              "scikit-learn", "statsmodels", "matplotlib", "seaborn", "plotly", "pytorch", "torch",
              "tensorflow", "keras", "xgboost", "lightgbm", "catboost", "jupyter", "notebook",
              "ipynb", "dask", "pyspark", "huggingface", "dataframe", "dataframes", "df", "ndarray"),
          terms(DATA_SCIENCE, 1.5, "data file '%s'", ".csv", ".parquet", ".feather", ".npy",
              ".npz", ".h5", ".hdf5", ".arrow", ".xlsx", ".tsv", ".pkl"),
          terms(DATA_SCIENCE, 1, "mentions CSV", "csv"),
          terms(DATA_SCIENCE, 2.5, "'%s'", "classifier", "cluster", "clusters", "clustering",
              "kmeans", "k-means", "pca", "t-sne", "tsne", "random forest", "gradient boosting",
              "logistic", "linear regression", "cross-validation", "cross validation", "k-fold",
              "5-fold", "10-fold", "roc", "auc", "precision", "recall", "confusion matrix",
              "feature importance", "feature importances", "hyperparameter*", "grid search",
              "cosine similarity", "tf-idf", "tfidf", "one-hot", "one hot", "standard scal*",
              "min-max", "minmax", "imput*", "outlier", "outliers", "iqr", "z-score", "zscore",
              "correlation", "corr", "pearson", "spearman", "t-test", "ttest", "p-value",
              "p-values", "confidence interval*", "anova", "histogram", "histograms", "heatmap",
              "heatmaps", "scatter plot", "scatterplot", "subplot", "subplots", "resampl*",
              "rolling", "moving average", "pivot*", "forward-fill", "forward fill", "ffill",
              "fillna", "dropna", "groupby", "eda", "exploratory", "curve_fit", "ohlc", "ohlcv",
              "vectoriz*", "vectoris*", "embedding", "embeddings", "regression model",
              "logistic regression", "multiclass", "train/val", "train/test", "train test split",
              "train-test split", "test split", "test set", "validation set", "a/b test",
              "ab test", "significan*", "conversion rate", "week-over-week", "month-over-month",
              "fine-tun*", "finetun*", "bert", "llm", "neural net*", "machine learning",
              "deep learning", "classification", "sentiment", "nlp", "r2", "r-squared", "rmse",
              "mae", "boxplot*", "box plot*", "violin plot", "kde", "sqft"),
          terms(DATA_SCIENCE, 1.5, "'%s'", "plot", "plots", "plotting", "chart", "charts",
              "visualiz*", "visualis*", "dataset", "datasets", "train", "training", "median",
              "average", "variance", "stddev", "distribution", "aggregat*", "column",
              "columns", "row", "rows", "time series", "forecast*", "statistic*", "dupes",
              "nulls", "nan", "nans", "fit", "missing values", "missing data", "null values", "nan values", "curve", "curves", "per-class", "group by",
              "grouped by", "left join", "inner join", "outer join", "drop duplicates",
              "cohort", "cohorts", "retention", "churn", "survey", "anomaly detection", "anomalies"),
          regex(DATA_SCIENCE, 1.5, "\\bper (?:customer|region|group|user|month|day|week|cohort|category|hour|weekday|year"
              + "|quarter|team|store|device|platform|segment|channel|campaign|source"
              + "|session|class|page|country|product)\\b"
              // "median order value by country": a measure broken down by a grouping column.
              + "|\\bby (?:country|region|month|day|week|year|quarter|weekday|hour|category|segment|channel|cohort"
              + "|age group|gender|store)\\b", "per-group aggregation").when("per ", "by "),
          regex(DATA_SCIENCE, 2, "\\bmerge\\b.{0,40}\\bon \\w+_id\\b|\\bdrop (?:\\S+ ){0,2}?(?:duplicates"
              + "|dupes|nulls|nans|na|rows|columns)\\b", "table wrangling").when("merge", "drop"),
          // "fill missing prices by interpolation": missing values, not missing parts of code.
          regex(DATA_SCIENCE, 2.5, "\\bfill (?:in )?(?:the )?(?:missing|null|nan|na|empty|blank) (?!(?:steps|cases|methods|parts"
              + "|pieces|bits|fields|logic|sections|functions|bod(?:y|ies)|branch\\w*|arms|implementations?|code)\\b)\\w+"
              + "|\\binterpolat\\w*|\\bextrapolat\\w*", "missing values '%s'").when("fill", "interpolat", "extrapolat"),
          // A query described by its aggregate: "SELECT avg session length per weekday".
          regex(DATA_SCIENCE, 2, "\\bselect (?:avg|average|sum|count|median|total)\\b", "SQL aggregate '%s'").when("select"),
          // "merge two dfs": data frames, not depth-first search; "top 3 customers by revenue".
          regex(DATA_SCIENCE, 3, "\\b(?:two|both|2|three|several|multiple|these|those|the two|all the) dfs\\b",
              "data frames '%s'").when("dfs"),
          regex(DATA_SCIENCE, 2, "\\b(?:top|bottom) \\d+ \\w+ (?:by|per)\\b", "ranking by a measure '%s'")
              .when("top", "bottom"),
          // The libraries by their usual aliases: np.where, pd.read_csv, plt.subplots, df.groupby.
          regex(DATA_SCIENCE, 3, "\\b(?:np|pd|plt|sns|df|tf|sk|xr)\\.[a-z_]\\w*", "library call '%s'")
              .when("np.", "pd.", "plt.", "sns.", "df.", "tf.", "sk.", "xr."),
          terms(DATA_SCIENCE, 2.5, "'%s'", "melt", "unpivot", "long format", "wide format", "nunique",
              "value_counts", "crosstab", "qcut", "iloc", "dtype", "dtypes", "bins", "binning", "quantile*",
              "percentile*", "standard deviation", "categorical", "label encod*", "accuracy", "f1", "f1 score",
              "mse", "train/test split", "titanic", "iris", "mnist", "cifar", "imdb reviews"),
          // Imputation: "fill missing prices with the previous day's value", "… with the median".
          regex(DATA_SCIENCE, 2.5, "\\bfill\\w*\\b.{0,40}\\bwith (?:the |a |their )?(?:column |group |previous |last "
              + "|next )?(?:mean|median|mode|average|previous|last|next|zeros?|0)\\b", "imputation '%s'")
              .when("fill"));

  private static final String DOCS_SHIPPED =
      "\\b(?:publish|deploy|host|build|serve|upload)(?:s|es|ed|ing)? (?:the |our )?(?:docs|documentation)"
          + "(?: (?:site|website)\\b| (?:to|on) (?:gh-pages|github pages|netlify|vercel|s3|read ?the ?docs|readthedocs|cloudflare pages)\\b"
          + "| (?:with|using) (?:mkdocs|sphinx|docusaurus|jekyll|hugo|vitepress|typedoc|pdoc)\\b| in ci\\b| on (?:tag|push|merge|every)\\b)";

  static final List<Rule> GENERATION =
      List.of(
          terms(CODE_GENERATION, 1, "verb '%s'", "add", "create", "write", "implement", "build",
              "make", "generate", "scaffold", "set up", "need", "want", "new"),
          // "a ci job publishing the docs site to gh-pages", "deploy the docs to netlify": the docs shipped, not written;
          // the documentation rule read the same word, so it is taken back there.
          regex(CODE_GENERATION, 3, DOCS_SHIPPED, "the docs shipped '%s'").when("docs", "documentation"),
          regex(Dimension.CODE_UNDERSTANDING, -3, DOCS_SHIPPED, "the docs shipped, not written '%s'").when("docs", "documentation"),
          terms(CODE_GENERATION, 2, "artefact '%s'", "endpoint", "endpoints", "crud",
              "controller", "middleware", "webhook", "webhooks", "dockerfile", "docker-compose",
              "workflow", "github actions", "gh actions", "websocket", "websockets", "rpc", "rpcs",
              "grpc", ".proto", "subcommand", "graphql", "cron job", "helm chart", "rest api",
              "interceptor"),
          regex(CODE_GENERATION, 2, "--[a-z][\\w-]+ flag\\b|\\ba (?:new )?(?:\\S+ )?(?:flag|option)\\b",
              "CLI flag").when("flag", "option"),
          terms(CODE_GENERATION, 1, "artefact '%s'", "handler", "cli", "script", "service",
              "server", "client", "wrapper", "component", "hook", "plugin", "loader", "struct",
              "class", "dao", "migration", "module", "page", "form", "dialog", "widget", "function",
              "fn", "api", "command"),
          // "the unimplemented parts of the websocket client", "a leak in the upload handler": an
          // artefact named as the place of the work is code that exists, not the thing to build.
          regex(CODE_GENERATION, -1.5, "\\b(?:of|in|inside|within|from) (?:the|our|my|this|that|its) (?:[\\w.-]+ ){0,2}?"
              + "(?:handler|client|service|server|controller|page|endpoint|websocket|middleware|component|module|class"
              + "|cli|script|api|form|widget|dialog|hook|plugin|loader|function|command|webhook|workflow)s?\\b",
              "a place in existing code").when("handler", "client", "service", "server", "controller", "page", "endpoint",
                  "websocket", "middleware", "component", "module", "class", "cli", "script", "api", "form", "widget",
                  "dialog", "hook", "plugin", "loader", "function", "command", "webhook", "workflow"),
          regex(CODE_GENERATION, 1, "(?:^|\\s)--[a-z][\\w-]+", "CLI option '%s'").when("--"),
          regex(CODE_GENERATION, 1, "\\b(?:get|post|put|patch|delete) /\\S+", "HTTP route '%s'")
              .when(" /"),
          regex(CODE_GENERATION, 1.5, "\\b(?:write|create|add|make|generate)\\s+(?:a |an |the )?(?:new )?"
              + "[\\w/.-]+\\.\\w{1,5}\\b|\\bput it in\\b", "new file")
              .when("write", "create", "add", "make", "generate", "put it in"),
          regex(CODE_GENERATION, 1, "\\b(?:that|which) (?:takes|accepts|returns|pushes|logs|checks|prints|reads"
              + "|writes|sends|exposes|stores|walks|collects|calls|exports|imports|shows|displays|lets|allows"
              + "|uploads|downloads|renders|converts|generates|creates|runs|watches|posts|cleans|syncs|notifies)\\b",
              "specification '%s'").when("that ", "which "),
          terms(CODE_GENERATION, 1, "'%s'", "for now", "stdlib only", "i need a", "we need a"),
          // "python script to tail a log file": a thing named by what it is for.
          regex(CODE_GENERATION, 1.5, "\\b(?:script|tool|cli|bot|service|program|app|utility|job|command|endpoint"
              + "|action|workflow|page|component|widget|daemon|worker|extension|plugin) (?:to|that can) (?!be\\b|the\\b|a\\b)[a-z]+\\b",
              "a thing named by its purpose '%s'").when(" to ", "that can"));

  /**
   * Source-language mentions (names, file extensions, a few language-specific tools); the label is
   * the language name and only matters through {@link Classifier}'s count of distinct languages.
   */
  static final List<Rule> LANGUAGES =
      List.of(
          lang("Python", "\\bpython\\d?\\b|\\.py\\b|\\bpytest\\b|\\bpydantic\\b|\\bdjango\\b|\\bflask\\b|\\bpandas\\b|\\bnumpy\\b")
              .when("py", "django", "flask", "pandas", "numpy"),
          lang("Rust", "\\brust\\b|\\.rs\\b|\\bcargo\\b").when("rust", ".rs", "cargo"),
          lang("Go", "\\bgolang\\b|\\.go\\b|\\b(?:in|to|into|from|a|the|our) go\\b(?!\\s+(?:ahead"
              + "|through|back|over))|\\bgo (?:code|version|server|service|worker|module|package"
              + "|struct|program|binary|please|pls|implementation)\\b").when("go"),
          lang("Java", "\\bjava\\b|\\.java\\b|\\bjdk\\b|\\bjvm\\b|\\bjunit")
              .when("java", "jdk", "jvm", "junit"),
          lang("Kotlin", "\\bkotlin\\b|\\.kts?\\b").when("kotlin", ".kt"),
          lang("Scala", "\\bscala\\b|\\.scala\\b").when("scala"),
          lang("Swift", "\\bswift\\b|\\.swift\\b").when("swift"),
          lang("C#", "\\bc#|\\bcsharp\\b|\\.cs\\b|\\bdotnet\\b|\\.net\\b")
              .when("c#", "csharp", ".cs", "dotnet", ".net"),
          lang("C++", "c\\+\\+|\\bcpp\\b|\\.(?:cpp|cc|cxx|hpp|hh)\\b")
              .when("c++", "cpp", ".c", ".h"),
          lang("C", "\\.[ch]\\b|\\b(?:in|to|into|pure|ansi|plain|from) c(?![\\w+#])")
              .when(".c", ".h", " c"),
          lang("TypeScript", "\\btypescript\\b|\\.tsx?\\b|\\bts\\b")
              .when("typescript", ".ts", "ts"),
          lang("JavaScript", "\\bjavascript\\b|\\.jsx?\\b|\\bjs\\b|\\bnode\\.?js\\b"
              + "|\\b(?:in|to|from|for) node\\b|\\bjest\\b|\\blodash\\b|\\bjquery\\b|\\bzod\\b")
              .when("javascript", ".js", "js", "node", "jest", "lodash", "jquery", "zod"),
          lang("Ruby", "\\bruby\\b|\\.rb\\b|\\.rake\\b|\\brails\\b")
              .when("ruby", ".rb", ".rake", "rails"),
          lang("PHP", "\\bphp\\b").when("php"),
          // "the R model-fitting script": R named before what is written in it.
          lang("R", "\\.r\\b|\\b(?:in|from|to) r\\b|\\br (?:[\\w-]+ )?(?:scripts?|code|package|functions?)\\b").when(".r", " r"),
          lang("shell", "\\bbash\\b|\\.sh\\b|\\bposix sh\\b|\\bshell script|\\bzsh\\b|\\bsh script")
              .when("bash", ".sh", "sh", "shell", "zsh"),
          lang("PowerShell", "\\.ps1\\b|\\bpowershell\\b").when(".ps1", "powershell"),
          lang("SQL", "\\.sql\\b|\\bpl/pgsql\\b|\\bplpgsql\\b|\\bt-sql\\b").when("sql"),
          lang("Perl", "\\bperl\\b|\\.p[lm]\\b").when("perl", ".pl", ".pm"),
          lang("Lua", "\\blua\\b|\\.lua\\b").when("lua"),
          lang("Haskell", "\\bhaskell\\b|\\.hs\\b").when("haskell", ".hs"),
          lang("Elixir", "\\belixir\\b|\\.exs?\\b").when("elixir", ".ex"),
          lang("Dart", "\\bdart\\b|\\bflutter\\b").when("dart", "flutter"),
          lang("Julia", "\\bjulia\\b|\\.jl\\b").when("julia", ".jl"),
          lang("Zig", "\\bzig\\b").when("zig"),
          lang("Elm", "\\belm\\b|\\.elm\\b").when("elm"),
          lang("CoffeeScript", "\\bcoffee ?script\\b|\\.coffee\\b").when("coffee"),
          lang("Vimscript", "\\bvim ?script\\b|\\bviml\\b|\\.vim\\b").when("vim"),
          // Not "sas" alone: Azure's SAS tokens are no language.
          lang("SAS", "\\.sas\\b|\\bsas (?:code|program|script|macro|data step)s?\\b").when("sas"),
          lang("MATLAB", "\\bmatlab\\b|\\boctave\\b").when("matlab", "octave"),
          lang("Fortran", "\\bfortran\\b|\\.f90\\b").when("fortran", ".f90"),
          lang("COBOL", "\\bcobol\\b").when("cobol"),
          lang("Visual Basic", "\\bvb(?:a|\\.net)?\\b|\\bvisual basic\\b").when("vb", "visual basic"),
          lang("Objective-C", "\\bobjective-c\\b|\\bobjc\\b").when("objective-c", "objc"),
          lang("Clojure", "\\bclojure\\b|\\.clj\\b").when("clj", "clojure"),
          lang("Erlang", "\\berlang\\b|\\.erl\\b").when("erlang", ".erl"),
          lang("OCaml", "\\bocaml\\b|\\.ml\\b").when("ocaml", ".ml"),
          lang("F#", "\\bf#|\\.fs\\b").when("f#", ".fs"),
          lang("Groovy", "\\bgroovy\\b|\\.groovy\\b").when("groovy"),
          lang("Solidity", "\\bsolidity\\b|\\.sol\\b").when("solidity", ".sol"),
          lang("Nim", "\\bnim\\b").when("nim"),
          lang("Crystal", "\\bcrystal\\b|\\.cr\\b").when("crystal", ".cr"),
          lang("Racket", "\\bracket\\b|\\.rkt\\b").when("racket", ".rkt"),
          lang("Tcl", "\\btcl\\b|\\.tcl\\b").when("tcl"),
          lang("Prolog", "\\bprolog\\b|\\.plt\\b").when("prolog", ".plt"),
          // Not "scheme" alone: a URL's, a colour's or a naming scheme is no language.
          lang("Scheme", "\\bguile\\b|\\.scm\\b|\\b(?:in|to|into|from) scheme\\b|\\bscheme (?:code|program|module|procedure|macro)s?\\b")
              .when("guile", ".scm", "scheme"),
          lang("Common Lisp", "\\bcommon lisp\\b|\\bsbcl\\b|\\.lisp\\b").when("common lisp", "sbcl", ".lisp"));

  /** Target-language words after "port/translate/convert … to|into|in". */
  static final String LANG =
      "(?:python\\d?|rust|go|golang|java|kotlin|scala|swift|typescript|javascript|js|ts"
          + "|node(?:\\.?js)?|c\\+\\+|cpp|c#|csharp|c|ruby|php|perl|lua|haskell|elixir|erlang"
          + "|clojure|dart|julia|r|bash|posix sh|sh|shell|powershell|zsh|objective-c|zig|ocaml"
          + "|f#|fortran|wasm|matlab|cobol|vb|groovy|elm|coffee ?script|solidity|nim|crystal|racket|tcl|prolog|scheme|guile|common lisp|makefile|justfile|cmake)(?![\\w+#])";

  /** Libraries whose name implies a language when used as a port target ("port it to pandas"). */
  static final String LIB_TARGET =
      "(?:pandas|numpy|pytest|jest|vitest|junit|react|vue|svelte|angular|solid|jquery|flutter|swiftui|zod|flask)\\b";

  private static final String TRANSLATE_VERB =
      "\\b(?:port|translat|convert|rewrit|re-?implement|transpil|migrat|redo)\\w*\\b";

  static final List<Rule> MULTI =
      List.of(
          regex(MULTI_LANGUAGE, 4.5, TRANSLATE_VERB + ".{0,80}?\\b(?:to|into|in|as)\\s+(?:idiomatic "
              + "|pure |modern |plain |a |an |the )*" + LANG, "translate to '%s'")
              .when("port", "translat", "convert", "rewrit", "implement", "transpil", "migrat", "redo"),
          // Not "port to JUnit 5": a library's version is a newer API, not another language.
          regex(MULTI_LANGUAGE, 3, TRANSLATE_VERB + ".{0,80}?\\b(?:to|into|in)\\s+" + LIB_TARGET + "(?! ?v?\\d)",
              "port to library '%s'")
              .when("port", "translat", "convert", "rewrit", "implement", "transpil", "migrat", "redo"),
          regex(MULTI_LANGUAGE, 3.5, "\\b(?:need|want|have|get|give me) (?:it|this|that|them|the same)(?: \\w+){0,3}? "
              + "in (?:plain |pure |idiomatic |modern )?(?:" + LANG + "|" + LIB_TARGET + ")", "'%s'").when(" in "),
          regex(MULTI_LANGUAGE, 4.5, "\\b(?:from )?" + LANG + " (?:to|into|->|→) (?:an? |the )?" + LANG, "'%s'").when(" to ", " into ", "->", "→"),
          regex(MULTI_LANGUAGE, 3.5, "\\bin " + LANG + " (?:too|as well|also)\\b", "'%s'").when("too", "as well", "also"),
          // "this go struct as a typescript interface": the same construct in the other language.
          regex(MULTI_LANGUAGE, 3, "\\bas (?:an? )?" + LANG + " (?:\\w+ )?(?:interfaces?|types?|class(?:es)?|structs?|modules?"
              + "|functions?|enums?|records?|dataclass(?:es)?|models?|schemas?|traits?|protocols?)\\b", "'%s'").when("as "),
          // "this perl script needs to be python": the code should be in another language.
          regex(MULTI_LANGUAGE, 3.5, "\\b(?:needs? to|should|has to|must|have to|ought to) be (?:in |written in "
              + "|rewritten in |ported to |converted to |an? )?" + LANG, "'%s'").when(" be "),
          // "the numpy code as plain C": the same code, in another language.
          regex(MULTI_LANGUAGE, 3.5, "\\bas (?:plain|pure|idiomatic|modern|native) " + LANG, "'%s'").when("as "),
          // "make the C++ library callable from node": code of one language used from another.
          regex(MULTI_LANGUAGE, 3, "\\b(?:callable|usable|importable|accessible|call(?:ed)? it) from (?:plain |pure )?" + LANG,
              "'%s'").when(" from "),
          regex(MULTI_LANGUAGE, 4, "\\b" + LANG + " (?:version|port|equivalent|translation"
              + "|implementation|counterpart) of\\b|\\b(?:same|matching|equivalent) (?:\\w+ ){0,3}?(?:but )?in " + LANG
              + "|\\bbut in (?:the |our |a )?(?:" + LANG + "|" + LIB_TARGET + ")", "'%s'")
              .when("version of", "port of", "equivalent of", "translation of", "implementation of", "counterpart of", "same",
                  "matching", "but in"),
          terms(MULTI_LANGUAGE, 3, "cross-language binding '%s'", "ffi", "pyo3", "maturin",
              "wasm-bindgen", "wasm", "webassembly", "napi", "napi-rs", "n-api", "jni", "jna", "cgo",
              "ctypes", "cffi", "cython", "pybind11", "swig", "binding", "bindings", "interop",
              "p/invoke", "cbindgen", "uniffi", "f2py", "emscripten", "c-shared", "graalvm", "polyglot", "dllimport",
              "c extension", "native extension", "native module"),
          // 'a rust extern "C" layer': the C ABI one language exports for another to call.
          regex(MULTI_LANGUAGE, 3, "\\bextern \"?c\"?(?!\\w)", "C ABI '%s'").when("extern"),
          regex(MULTI_LANGUAGE, 2.5, "(?<!(?:the|a|which|what|default|this|that|its|same|tcp|udp|http|serial) )\\bport(?:ing|ed)?\\b(?! ?\\d)(?! (?:number|forward|mapping"
              + "|scan|range))", "verb 'port'").when("port"),
          // Not "translations": those are the strings of a localised UI.
          regex(MULTI_LANGUAGE, 1.5, "\\btranslat(?!ions\\b)\\w*|\\btranspil\\w*", "verb '%s'")
              .when("translat", "transpil"),
          terms(MULTI_LANGUAGE, 1, "'%s'", "equivalent", "matching types", "byte-identical"));

  private static Rule lang(String name, String regex) {
    return regex(MULTI_LANGUAGE, 0, regex, name);
  }
}
