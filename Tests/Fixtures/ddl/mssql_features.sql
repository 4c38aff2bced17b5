-- SQL Server DDL in the shapes SSMS scripts and hand-written T-SQL give it.
SET ANSI_NULLS ON
GO
SET QUOTED_IDENTIFIER ON
GO
CREATE SCHEMA [sales]
GO
CREATE TABLE [dbo].[customer](
	[id] [int] IDENTITY(1,1) NOT NULL,
	[email] [nvarchar](200) NOT NULL,
	[name] [nvarchar](max) NULL,
	[created_at] [datetime2](7) NOT NULL CONSTRAINT [DF_customer_created] DEFAULT (sysutcdatetime()),
 CONSTRAINT [PK_customer] PRIMARY KEY CLUSTERED
(
	[id] ASC
) WITH (PAD_INDEX = OFF, STATISTICS_NORECOMPUTE = OFF) ON [PRIMARY],
 CONSTRAINT [UQ_customer_email] UNIQUE NONCLUSTERED ([email])
) ON [PRIMARY] TEXTIMAGE_ON [PRIMARY]
GO
CREATE TABLE sales.[order] (
  id bigint NOT NULL IDENTITY PRIMARY KEY NONCLUSTERED,
  customer_id int NOT NULL,
  placed datetimeoffset NOT NULL,
  net money NOT NULL,
  gross AS (net * 1.2) PERSISTED,
  INDEX order_placed NONCLUSTERED (placed)
)
CREATE TABLE sales.order_line (
  order_id bigint NOT NULL,
  line_no smallint NOT NULL,
  quantity int NOT NULL,
  CONSTRAINT order_line_pk PRIMARY KEY (order_id, line_no),
)
GO
ALTER TABLE [sales].[order]  WITH CHECK ADD  CONSTRAINT [FK_order_customer] FOREIGN KEY([customer_id])
REFERENCES [dbo].[customer] ([id])
ON DELETE CASCADE
GO
ALTER TABLE [sales].[order] CHECK CONSTRAINT [FK_order_customer]
GO
ALTER TABLE sales.order_line ADD CONSTRAINT order_line_order FOREIGN KEY (order_id) REFERENCES sales.[order] (id);
ALTER TABLE sales.order_line ADD CONSTRAINT DF_quantity DEFAULT ((1)) FOR quantity;
ALTER TABLE sales.order_line ADD CONSTRAINT CK_quantity CHECK (quantity > 0);
GO
CREATE UNIQUE NONCLUSTERED INDEX [UX_customer_name] ON [dbo].[customer] ([name]) WHERE [name] IS NOT NULL
GO
CREATE VIEW sales.order_summary AS
SELECT o.id, c.email, SUM(l.quantity) AS items
FROM sales.[order] AS o
INNER JOIN dbo.customer c ON c.id = o.customer_id
LEFT JOIN sales.order_line l ON l.order_id = o.id
GROUP BY o.id, c.email
GO
CREATE PROCEDURE dbo.touch_customer @id int
AS
BEGIN
  SET NOCOUNT ON;
  UPDATE dbo.customer SET created_at = sysutcdatetime() WHERE id = @id;
END
GO
EXEC sys.sp_addextendedproperty @name=N'MS_Description', @value=N'People who buy', @level0type=N'SCHEMA', @level0name=N'dbo', @level1type=N'TABLE', @level1name=N'customer'
GO
EXEC sp_addextendedproperty 'MS_Description', 'Where to write', 'SCHEMA', 'dbo', 'TABLE', 'customer', 'COLUMN', 'email';
GO
