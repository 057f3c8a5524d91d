using Microsoft.EntityFrameworkCore;
using Monolith.Database;

namespace Monolith.Documents;

/// <summary>The documents module's tables: documents and document_chunks.</summary>
public sealed class DocumentsDbContext(DbContextOptions<DocumentsDbContext> options) : DbContext(options)
{
    public DbSet<StoredDocument> Documents => Set<StoredDocument>();

    public DbSet<DocumentChunk> Chunks => Set<DocumentChunk>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<StoredDocument>(document =>
        {
            document.ToTable("documents", t =>
            {
                t.HasCheckConstraint("ck_documents_format", "format IN ('text', 'markdown', 'pdf', 'docx')");
                t.HasCheckConstraint("ck_documents_content_hash", "content_hash ~ '^[0-9a-f]{64}$'");
            });
            document.Property(d => d.Id).HasDefaultValueSql("gen_random_uuid()");
            document.Property(d => d.FileName).HasMaxLength(255);
            document.Property(d => d.Format).HasMaxLength(20);
            document.Property(d => d.ContentType).HasMaxLength(255);
            document.Property(d => d.ContentHash).HasMaxLength(64);
            document.Property(d => d.Metadata).HasColumnType("jsonb").HasDefaultValueSql("'{}'::jsonb");
            document.Property(d => d.CreatedAt).HasDefaultValueSql("now()");
            document.HasIndex(d => new { d.UserId, d.ContentHash }).IsUnique();
            document.HasIndex(d => new { d.UserId, d.CreatedAt, d.Id });
        });
        modelBuilder.Entity<DocumentChunk>(chunk =>
        {
            chunk.ToTable("document_chunks");
            chunk.Property(c => c.Id).HasDefaultValueSql("gen_random_uuid()");
            chunk.HasOne<StoredDocument>().WithMany().HasForeignKey(c => c.DocumentId).OnDelete(DeleteBehavior.Cascade);
            chunk.HasIndex(c => new { c.DocumentId, c.ChunkIndex }).IsUnique();
        });
        SnakeCaseNames.Apply(modelBuilder);
    }
}
