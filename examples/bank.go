// Bank accounts with custom errors: a sentinel error, an error type with fields, wrapping
// with %w, and errors.Is / errors.As to look through the wrapping.
package main

import (
	"errors"
	"fmt"
)

var ErrAccountClosed = errors.New("account closed")

type InsufficientFundsError struct {
	Account string
	Balance int
	Needed  int
}

func (e *InsufficientFundsError) Error() string {
	return fmt.Sprintf("account %s: insufficient funds: balance %d, needed %d", e.Account, e.Balance, e.Needed)
}

type Account struct {
	Owner   string
	Balance int
	Closed  bool
	History []string
}

func (a *Account) Deposit(amount int) error {
	if a.Closed {
		return fmt.Errorf("deposit %d to %s: %w", amount, a.Owner, ErrAccountClosed)
	}
	if amount <= 0 {
		return fmt.Errorf("deposit to %s: invalid amount %d", a.Owner, amount)
	}
	a.Balance += amount
	a.History = append(a.History, fmt.Sprintf("+%d", amount))
	return nil
}

func (a *Account) Withdraw(amount int) error {
	if a.Closed {
		return fmt.Errorf("withdraw %d from %s: %w", amount, a.Owner, ErrAccountClosed)
	}
	if amount > a.Balance {
		return fmt.Errorf("withdraw: %w", &InsufficientFundsError{a.Owner, a.Balance, amount})
	}
	a.Balance -= amount
	a.History = append(a.History, fmt.Sprintf("-%d", amount))
	return nil
}

func Transfer(from, to *Account, amount int) error {
	if err := from.Withdraw(amount); err != nil {
		return fmt.Errorf("transfer %s -> %s failed: %w", from.Owner, to.Owner, err)
	}
	if err := to.Deposit(amount); err != nil {
		// Put the money back.
		from.Balance += amount
		return fmt.Errorf("transfer %s -> %s failed: %w", from.Owner, to.Owner, err)
	}
	return nil
}

func main() {
	alice := &Account{Owner: "alice", Balance: 100}
	bob := &Account{Owner: "bob", Balance: 20}
	carol := &Account{Owner: "carol", Closed: true}

	steps := []func() error{
		func() error { return alice.Deposit(50) },
		func() error { return Transfer(alice, bob, 70) },
		func() error { return Transfer(bob, alice, 500) },
		func() error { return Transfer(alice, carol, 10) },
		func() error { return bob.Deposit(-5) },
		func() error { return bob.Withdraw(90) },
	}
	for i, step := range steps {
		err := step()
		switch {
		case err == nil:
			fmt.Printf("step %d: ok\n", i+1)
		case errors.Is(err, ErrAccountClosed):
			fmt.Printf("step %d: closed account: %v\n", i+1, err)
		default:
			var funds *InsufficientFundsError
			if errors.As(err, &funds) {
				fmt.Printf("step %d: short by %d: %v\n", i+1, funds.Needed-funds.Balance, err)
			} else {
				fmt.Printf("step %d: error: %v\n", i+1, err)
			}
		}
	}
	for _, a := range []*Account{alice, bob, carol} {
		fmt.Printf("%-6s %4d %v closed=%t\n", a.Owner, a.Balance, a.History, a.Closed)
	}
	fmt.Printf("%+v\n", *bob)
}
