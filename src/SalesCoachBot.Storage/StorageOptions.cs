using SalesCoachBot.Storage.Cosmos;

using System.ComponentModel.DataAnnotations;

namespace SalesCoachBot.Storage;

public enum StorageProvider
{
    Sqlite,
    Cosmos,
}

/// <summary>Bound from <c>SalesCoach:Storage</c>.</summary>
public sealed class StorageOptions
{
    public const string Section = "SalesCoach:Storage";

    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    public SqliteStorageOptions Sqlite { get; set; } = new();

    public CosmosStorageOptions Cosmos { get; set; } = new();
}

public sealed class SqliteStorageOptions
{
    /// <summary>The database file; a relative path is under the app's content root. Created with its folder on first run.</summary>
    [Required(ErrorMessage = "SalesCoach:Storage:Sqlite:Path must name the database file, e.g. data/salescoach.db.")]
    public string Path { get; set; } = "data/salescoach.db";

    /// <summary>
    /// How long a write waits for another writer's lock (several instances can share one file). Teams gives a turn 15 s
    /// and a blocked write waits up to about twice this (SQLite's own wait, then Microsoft.Data.Sqlite's retry), so the
    /// default 2 s keeps every turn well inside 10 s; writers hold the lock for milliseconds, so 2 s is plenty. See docs/storage.md.
    /// </summary>
    [Range(1, 4, ErrorMessage = "SalesCoach:Storage:Sqlite:BusyTimeoutSeconds must be between 1 and 4 (a turn must answer within Teams' 15 s).")]
    public int BusyTimeoutSeconds { get; set; } = 2;
}
