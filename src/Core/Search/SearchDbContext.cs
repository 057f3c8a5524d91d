using Microsoft.EntityFrameworkCore;
using Monolith.Database;

namespace Monolith.Search;

/// <summary>The search module's tables: search_index (pgvector, full text, embedding outbox) and reindex progress.</summary>
public sealed class SearchDbContext(DbContextOptions<SearchDbContext> options) : DbContext(options)
{
    /// <summary>The session setting the migration reads to size vector(EMBEDDING_DIM).</summary>
    public const string DimensionSessionSetting = "monolith.embedding_dim";

    public const string HnswIndexName = "ix_search_index_embedding_hnsw";

    public const string LexicalHnswIndexName = "ix_search_index_lexical_embedding_hnsw";

    public DbSet<SearchDocument> Documents => Set<SearchDocument>();

    public DbSet<ReindexProgress> ReindexProgress => Set<ReindexProgress>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasPostgresExtension("vector");
        modelBuilder.Entity<SearchDocument>(document =>
        {
            document.ToTable("search_index");
            document.Property(d => d.Id).HasDefaultValueSql("gen_random_uuid()");
            document.Property(d => d.EntityType).HasMaxLength(50);
            document.Property(d => d.Embedding).HasColumnType("vector");
            document.Property(d => d.EmbeddingModel).HasMaxLength(300);
            document.Property(d => d.LexicalEmbedding).HasColumnType($"vector({LexicalVector.Dimension})");
            document.Property(d => d.Metadata).HasColumnType("jsonb").HasDefaultValueSql("'{}'::jsonb");
            document.Property(d => d.CreatedAt).HasDefaultValueSql("now()");
            document.Property(d => d.UpdatedAt).HasDefaultValueSql("now()");
            document.Property(d => d.SearchVector).HasComputedColumnSql(FullTextLanguages.ContentVector, stored: true);
            document.Property(d => d.EmbedAfter).HasDefaultValueSql("now()");
            document.HasIndex(d => new { d.EntityType, d.EntityId }).IsUnique();
            document.HasIndex(d => d.UserId);
            document.HasIndex(d => d.Embedding, HnswIndexName).HasMethod("hnsw").HasOperators("vector_cosine_ops");
            document.HasIndex(d => d.LexicalEmbedding, LexicalHnswIndexName).HasMethod("hnsw").HasOperators("vector_cosine_ops");
            document.HasIndex(d => d.SearchVector, "ix_search_index_search_vector").HasMethod("gin");
            document.HasIndex(d => d.EmbedAfter, "ix_search_index_pending").HasFilter("embedding IS NULL");
        });
        modelBuilder.Entity<ReindexProgress>(progress =>
        {
            progress.ToTable("search_reindex_progress");
            progress.HasKey(p => p.Scope);
            progress.Property(p => p.Scope).HasMaxLength(50);
            progress.Property(p => p.StartedAt).HasDefaultValueSql("now()");
            progress.Property(p => p.UpdatedAt).HasDefaultValueSql("now()");
        });
        SnakeCaseNames.Apply(modelBuilder);
    }
}
