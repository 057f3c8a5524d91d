using Microsoft.EntityFrameworkCore;
using Monolith.Database;

namespace Monolith.Search;

/// <summary>The search module's tables: search_index (pgvector).</summary>
public sealed class SearchDbContext(DbContextOptions<SearchDbContext> options) : DbContext(options)
{
    /// <summary>The session setting the migration reads to size vector(EMBEDDING_DIM).</summary>
    public const string DimensionSessionSetting = "monolith.embedding_dim";

    public DbSet<SearchDocument> Documents => Set<SearchDocument>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasPostgresExtension("vector");
        modelBuilder.Entity<SearchDocument>(document =>
        {
            document.ToTable("search_index");
            document.Property(d => d.Id).HasDefaultValueSql("gen_random_uuid()");
            document.Property(d => d.EntityType).HasMaxLength(50);
            document.Property(d => d.Embedding).HasColumnType("vector");
            document.Property(d => d.Metadata).HasColumnType("jsonb").HasDefaultValueSql("'{}'::jsonb");
            document.Property(d => d.CreatedAt).HasDefaultValueSql("now()");
            document.Property(d => d.UpdatedAt).HasDefaultValueSql("now()");
            document.HasIndex(d => new { d.EntityType, d.EntityId }).IsUnique();
            document.HasIndex(d => d.UserId);
            document.HasIndex(d => d.Embedding, "ix_search_index_embedding_hnsw").HasMethod("hnsw").HasOperators("vector_cosine_ops");
        });
        SnakeCaseNames.Apply(modelBuilder);
    }
}
