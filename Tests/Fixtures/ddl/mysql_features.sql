-- MySQL/MariaDB DDL in the shapes mysqldump and hand-written scripts give it.
/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;
/*!40101 SET NAMES utf8mb4 */;
CREATE DATABASE IF NOT EXISTS `shop` /*!40100 DEFAULT CHARACTER SET utf8mb4 */;
USE `shop`;

DROP TABLE IF EXISTS `customer`;
CREATE TABLE `customer` (
  `id` int unsigned NOT NULL AUTO_INCREMENT,
  `email` varchar(200) NOT NULL COMMENT 'Unique, lower case',
  `tier` ENUM('free','pro','team') NOT NULL DEFAULT 'free',
  `created_at` timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  `referrer_id` int unsigned DEFAULT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `customer_email` (`email`),
  KEY `customer_referrer` (`referrer_id`),
  CONSTRAINT `customer_referrer_fk` FOREIGN KEY (`referrer_id`) REFERENCES `customer` (`id`) ON DELETE SET NULL
) ENGINE=InnoDB AUTO_INCREMENT=42 DEFAULT CHARSET=utf8mb4 COMMENT='People who buy';

CREATE TABLE shop.product (
  sku VARCHAR(40) NOT NULL PRIMARY KEY,
  name VARCHAR(200) NOT NULL,
  price DECIMAL(10,2) NOT NULL DEFAULT 0.00,
  price_with_tax DECIMAL(10,2) AS (price * 1.2) STORED,
  name_lower VARCHAR(200) GENERATED ALWAYS AS (lower(name)) VIRTUAL,
  description TEXT,
  FULLTEXT KEY product_text (name, description)
) ENGINE=InnoDB;

CREATE TABLE `order` (
  id BIGINT NOT NULL AUTO_INCREMENT,
  customer_id INT UNSIGNED NOT NULL,
  placed DATETIME(6) NOT NULL,
  status SET('new','paid','sent') DEFAULT 'new',
  PRIMARY KEY (id),
  INDEX order_placed (placed DESC),
  FOREIGN KEY (customer_id) REFERENCES customer (id) ON DELETE CASCADE ON UPDATE RESTRICT
);

CREATE TABLE order_line (
  order_id BIGINT NOT NULL,
  line_no SMALLINT NOT NULL,
  sku VARCHAR(40) NOT NULL,
  quantity INT NOT NULL DEFAULT 1 CHECK (quantity > 0),
  PRIMARY KEY (order_id, line_no)
);
ALTER TABLE order_line
  ADD CONSTRAINT order_line_order FOREIGN KEY (order_id) REFERENCES `order` (id),
  ADD CONSTRAINT order_line_product FOREIGN KEY (sku) REFERENCES product (sku),
  ADD COLUMN note VARCHAR(100) NULL AFTER quantity;
CREATE INDEX order_line_sku ON order_line (sku(10));

LOCK TABLES `customer` WRITE;
/*!40000 ALTER TABLE `customer` DISABLE KEYS */;
INSERT INTO `customer` VALUES (1,'a@example.com','free','2024-01-01 00:00:00',NULL),(2,'b;c@example.com','pro','2024-01-02 00:00:00',1);
/*!40000 ALTER TABLE `customer` ENABLE KEYS */;
UNLOCK TABLES;

CREATE ALGORITHM=UNDEFINED DEFINER=`root`@`localhost` SQL SECURITY DEFINER VIEW `order_total` AS
  SELECT o.id AS order_id, c.email, SUM(l.quantity * p.price) AS total
  FROM `order` o JOIN customer c ON c.id = o.customer_id
  JOIN order_line l ON l.order_id = o.id, product p
  WHERE p.sku = l.sku GROUP BY o.id, c.email;

DELIMITER ;;
CREATE TRIGGER `order_line_check` BEFORE INSERT ON `order_line` FOR EACH ROW BEGIN
  IF NEW.quantity > 1000 THEN
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'too many';
  END IF;
END ;;
DELIMITER ;

DELIMITER $$
CREATE PROCEDURE order_count(OUT n INT)
BEGIN
  SELECT COUNT(*) INTO n FROM `order`;
END $$
DELIMITER ;
/*!40101 SET CHARACTER_SET_CLIENT=@OLD_CHARACTER_SET_CLIENT */;
