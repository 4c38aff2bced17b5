from django.db import models

from catalog.models import Product


class Customer(models.Model):
    email = models.EmailField(unique=True)
    referred_by = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL)


class Profile(models.Model):
    """One-to-one: each customer has at most one profile."""

    customer = models.OneToOneField(Customer, on_delete=models.CASCADE)
    bio = models.TextField(blank=True)


class Order(models.Model):
    customer = models.ForeignKey(Customer, on_delete=models.CASCADE, related_name="orders")
    placed = models.DateTimeField()


class OrderLine(models.Model):
    order = models.ForeignKey(Order, on_delete=models.CASCADE, related_name="lines")
    line_no = models.PositiveSmallIntegerField()
    product = models.ForeignKey(Product, null=True, on_delete=models.SET_NULL)
    quantity = models.IntegerField(default=1)

    class Meta:
        unique_together = [("order", "line_no")]
